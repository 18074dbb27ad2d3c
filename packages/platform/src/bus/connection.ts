import { EventEmitter } from 'node:events';
import amqp, { type ChannelModel } from 'amqplib';
import type { Logger } from '../logger/logger.js';
import { backoffDelay, sleep } from '../util/backoff.js';

export interface BusConnectionOptions {
  url: string;
  /** Shown in the broker's management UI, e.g. "interaction". */
  name: string;
  logger: Logger;
  heartbeatSec?: number;
}

type ConnectedListener = (model: ChannelModel) => Promise<void>;

/**
 * One AMQP connection kept alive for the life of the process: it reconnects with backoff
 * whenever the broker goes away, and re-runs every registered setup (topology, consumers,
 * publisher channels) on each new connection.
 */
export class BusConnection extends EventEmitter {
  private model: ChannelModel | null = null;
  private readonly setups: ConnectedListener[] = [];
  private readonly stopping = new AbortController();
  private loop: Promise<void> | null = null;
  private firstConnection: Promise<void>;
  private resolveFirstConnection!: () => void;

  constructor(private readonly options: BusConnectionOptions) {
    super();
    this.firstConnection = new Promise((resolve) => {
      this.resolveFirstConnection = resolve;
    });
  }

  /** Starts connecting in the background; resolves once connected the first time. */
  async start(): Promise<void> {
    this.loop ??= this.run();
    await Promise.race([this.firstConnection, this.loop]);
  }

  get connected(): boolean {
    return this.model !== null;
  }

  current(): ChannelModel | null {
    return this.model;
  }

  /** Registers work to run on every (re)connection; runs it now if already connected. */
  async onConnected(setup: ConnectedListener): Promise<void> {
    this.setups.push(setup);
    if (this.model !== null) await setup(this.model);
  }

  async close(): Promise<void> {
    this.stopping.abort();
    const model = this.model;
    this.model = null;
    if (model !== null) await model.close().catch(() => undefined);
    await this.loop;
  }

  private async run(): Promise<void> {
    for (let attempt = 1; !this.stopping.signal.aborted; ) {
      let model: ChannelModel;
      try {
        model = await amqp.connect(withHeartbeat(this.options.url, this.options.heartbeatSec ?? 10), {
          clientProperties: { connection_name: this.options.name },
        });
      } catch (error) {
        const delay = backoffDelay(attempt, { initialMs: 200, maxMs: 10_000 });
        this.options.logger.warn({ err: error, attempt, retryInMs: delay }, 'rabbitmq not reachable');
        attempt += 1;
        await sleep(delay, this.stopping.signal);
        continue;
      }
      const closed = new Promise<void>((resolve) => {
        model.once('close', () => resolve());
        model.on('error', (error: Error) => this.options.logger.warn({ err: error }, 'rabbitmq connection error'));
      });
      model.on('blocked', (reason: string) => this.options.logger.warn({ reason }, 'rabbitmq blocked publishing'));
      try {
        for (const setup of this.setups) await setup(model);
      } catch (error) {
        this.options.logger.error({ err: error }, 'rabbitmq setup failed; reconnecting');
        await model.close().catch(() => undefined);
        attempt += 1;
        await sleep(backoffDelay(attempt, { initialMs: 200, maxMs: 10_000 }), this.stopping.signal);
        continue;
      }
      attempt = 1;
      this.model = model;
      this.options.logger.info('rabbitmq connected');
      this.emit('connected');
      this.resolveFirstConnection();
      await closed;
      this.model = null;
      this.emit('disconnected');
      if (!this.stopping.signal.aborted) this.options.logger.warn('rabbitmq connection lost; reconnecting');
    }
  }
}

/** A short heartbeat notices a dead broker in seconds rather than at the next write. */
function withHeartbeat(url: string, seconds: number): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('heartbeat')) parsed.searchParams.set('heartbeat', String(seconds));
  return parsed.toString();
}
