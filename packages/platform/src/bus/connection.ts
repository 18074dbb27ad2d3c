import { EventEmitter } from 'node:events';
import amqp, { type ChannelModel } from 'amqplib';
import type { Logger } from '../logger/logger.js';
import { splitUrlList } from '../config/fields.js';
import { backoffDelay, sleep } from '../util/backoff.js';

export interface BusConnectionOptions {
  /**
   * The broker's URL, or the URLs of a cluster's members separated by commas
   * (`amqp://u:p@rabbitmq-1:5672,amqp://u:p@rabbitmq-2:5672`): see `BusConnection`.
   */
  url: string;
  /** Shown in the broker's management UI, e.g. "interaction". */
  name: string;
  logger: Logger;
  heartbeatSec?: number;
  /** How long one member may take to accept the TCP (and TLS) connection. Default 5 s. */
  connectTimeoutMs?: number;
}

type ConnectedListener = (model: ChannelModel) => Promise<void>;

/**
 * One AMQP connection kept alive for the life of the process: it reconnects with backoff
 * whenever the broker goes away, and re-runs every registered setup (topology, consumers,
 * publisher channels) on each new connection.
 *
 * With several URLs (the members of a cluster) it connects to the first that answers: a failed
 * attempt moves on to the next member at once, and the backoff applies only after a whole round
 * of members failed. A lost connection is re-made starting with the member after the one that was
 * lost (that one has likely gone down). With one URL this is the plain reconnect-with-backoff.
 */
export class BusConnection extends EventEmitter {
  private model: ChannelModel | null = null;
  private readonly setups: ConnectedListener[] = [];
  private readonly stopping = new AbortController();
  private loop: Promise<void> | null = null;
  private firstConnection: Promise<void>;
  private resolveFirstConnection!: () => void;
  private readonly members: readonly string[];
  /** The member the next attempt goes to. */
  private nextMember = 0;
  private currentHost: string | undefined;

  constructor(private readonly options: BusConnectionOptions) {
    super();
    this.members = splitUrlList(options.url);
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

  /** The members' hosts (`rabbitmq-1:5672`), in the order they are tried: no credentials. */
  get hosts(): string[] {
    return this.members.map(hostOf);
  }

  /** The host of the member this process is connected to, or null. */
  get connectedHost(): string | null {
    return this.model === null ? null : (this.currentHost ?? null);
  }

  private async run(): Promise<void> {
    const heartbeatSec = this.options.heartbeatSec ?? 10;
    // `round` counts whole rounds of failed members; `failedInRound` the members failed in this one.
    for (let round = 1, failedInRound = 0; !this.stopping.signal.aborted; ) {
      const member = this.nextMember;
      const url = this.members[member] ?? this.options.url;
      const host = hostOf(url);
      this.nextMember = (member + 1) % this.members.length;
      let model: ChannelModel;
      try {
        model = await amqp.connect(withHeartbeat(url, heartbeatSec), {
          clientProperties: { connection_name: this.options.name },
          timeout: this.options.connectTimeoutMs ?? 5_000,
        });
      } catch (error) {
        failedInRound += 1;
        if (failedInRound < this.members.length) {
          const next = hostOf(this.members[this.nextMember] ?? url);
          this.options.logger.warn({ err: error, host, next }, 'rabbitmq not reachable; trying the next member');
          continue;
        }
        const delay = backoffDelay(round, { initialMs: 200, maxMs: 10_000 });
        this.options.logger.warn({ err: error, host, attempt: round, retryInMs: delay }, 'rabbitmq not reachable');
        round += 1;
        failedInRound = 0;
        await sleep(delay, this.stopping.signal);
        continue;
      }
      const closed = new Promise<void>((resolve) => {
        model.once('close', () => resolve());
        model.on('error', (error: Error) => this.options.logger.warn({ err: error, host }, 'rabbitmq connection error'));
      });
      model.on('blocked', (reason: string) => this.options.logger.warn({ reason, host }, 'rabbitmq blocked publishing'));
      try {
        for (const setup of this.setups) await setup(model);
      } catch (error) {
        this.options.logger.error({ err: error, host }, 'rabbitmq setup failed; reconnecting');
        await model.close().catch(() => undefined);
        round += 1;
        failedInRound = 0;
        await sleep(backoffDelay(round, { initialMs: 200, maxMs: 10_000 }), this.stopping.signal);
        continue;
      }
      round = 1;
      failedInRound = 0;
      this.currentHost = host;
      this.model = model;
      this.options.logger.info({ host }, 'rabbitmq connected');
      this.emit('connected', host);
      this.resolveFirstConnection();
      await closed;
      this.model = null;
      this.emit('disconnected', host);
      // `nextMember` already points past the lost member.
      if (!this.stopping.signal.aborted) this.options.logger.warn({ host }, 'rabbitmq connection lost; reconnecting');
    }
  }
}

/** `host:port` of an AMQP URL (the default port when none is written); never its credentials. */
export function hostOf(url: string): string {
  if (!URL.canParse(url)) return '(unparsable URL)';
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port === '' ? (parsed.protocol === 'amqps:' ? 5671 : 5672) : parsed.port}`;
}

/** A short heartbeat notices a dead broker in seconds rather than at the next write. */
function withHeartbeat(url: string, seconds: number): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('heartbeat')) parsed.searchParams.set('heartbeat', String(seconds));
  return parsed.toString();
}
