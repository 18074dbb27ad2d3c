import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger/logger.js';

export interface StartHttpServerOptions {
  /** 0 lets the OS pick a free port (tests). */
  port: number;
  host?: string;
  logger: Logger;
  /** How long in-flight requests may run after close() before their sockets are destroyed. */
  graceMs: number;
}

export interface RunningHttpServer {
  readonly port: number;
  readonly url: string;
  readonly server: Server;
  /** Stops accepting, lets in-flight requests finish within the grace period, then cuts the rest. */
  close(): Promise<void>;
}

function urlFor(address: AddressInfo, host: string | undefined): string {
  const reachable = host === undefined || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${address.port}`;
}

export async function startHttpServer(app: RequestListener, options: StartHttpServerOptions): Promise<RunningHttpServer> {
  const { logger, graceMs } = options;
  const server = createServer();
  const inFlight = new Set<ServerResponse>();
  let closing: Promise<void> | undefined;

  // Registered before the app, so it sees each response before anything is written.
  // While closing, each response tells the client not to reuse its connection, so
  // keep-alive sockets end as their last request finishes.
  server.on('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    if (closing !== undefined) res.setHeader('connection', 'close');
    res.on('close', () => {
      inFlight.delete(res);
      if (closing !== undefined) server.closeIdleConnections();
    });
  });
  server.on('request', app);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port, host: options.host }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = urlFor(address, options.host);
  logger.info({ port: address.port, url }, 'http server listening');

  function close(): Promise<void> {
    closing ??= new Promise<void>((resolve, reject) => {
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      const deadline = setTimeout(() => {
        logger.warn({ inFlight: inFlight.size, graceMs }, 'grace period over; closing remaining connections');
        server.closeAllConnections();
      }, graceMs);
      server.close((error) => {
        clearTimeout(deadline);
        if (error !== undefined) reject(error);
        else {
          logger.info('http server closed');
          resolve();
        }
      });
      server.closeIdleConnections();
    });
    return closing;
  }

  return { port: address.port, url, server, close };
}
