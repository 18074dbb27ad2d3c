import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** Where the servers started by `infra/up.sh` listen; every value can be overridden by env. */
export const infra = {
  mongoUrl: process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017',
  /** The tests' own virtual host (infra/ creates it): services started by `npm run up` live on "/". */
  amqpUrl: process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672/eventonight-test',
  redisUrl: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
  keycloakUrl: process.env['KEYCLOAK_URL'] ?? 'http://127.0.0.1:8080',
  stripeApiUrl: process.env['STRIPE_API_URL'] ?? 'http://127.0.0.1:12111',
  s3Endpoint: process.env['S3_ENDPOINT'] ?? 'http://127.0.0.1:9000',
} as const;

export type InfraServer = 'rabbitmq' | 'ferretdb' | 'redis' | 'keycloak' | 'stripe-mock' | 's3';

const ctlScript = fileURLToPath(new URL('../../../infra/ctl.sh', import.meta.url));
const run = promisify(execFile);

/** Stops, starts or restarts one real server, for fault tests (RabbitMQ outage, database outage). */
export async function infraCtl(action: 'stop' | 'start' | 'restart', server: InfraServer): Promise<void> {
  await run('bash', [ctlScript, action, server], { timeout: 180_000 });
}
