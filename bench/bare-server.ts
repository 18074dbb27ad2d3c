/**
 * The baseline of bench:read: a bare express app with one route answering a fixed JSON body,
 * with none of the platform's middleware (no auth, validation, logging, database). Run as a
 * child process (fork with IPC) so it has an event loop of its own, as the service has: the
 * parent sends `{ body }`, this process answers `{ port }` once it listens.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';

interface Setup {
  body: unknown;
}

process.once('message', (message: Setup) => {
  const app = express();
  app.get('/events', (_req, res) => {
    res.json(message.body);
  });
  const server = app.listen(0, '127.0.0.1', () => {
    process.send?.({ port: (server.address() as AddressInfo).port });
  });
  // The parent going away (or closing the channel) ends the baseline.
  process.once('disconnect', () => server.close(() => process.exit(0)));
});
