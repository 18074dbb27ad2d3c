import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** Where the servers started by `infra/up.sh` listen; every value can be overridden by env. */
export const infra = {
  mongoUrl: process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017',
  /** The tests' own virtual host (infra/ creates it): services started by `npm run up` live on "/". */
  amqpUrl: process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672/eventonight-test',
  redisUrl: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
  keycloakUrl: process.env['KEYCLOAK_URL'] ?? 'http://localhost:8080',
  stripeApiUrl: process.env['STRIPE_API_URL'] ?? 'http://127.0.0.1:12111',
  s3Endpoint: process.env['S3_ENDPOINT'] ?? 'http://127.0.0.1:9000',
  /** RabbitMQ's management API (guest/guest), for virtual hosts and queue depths. */
  rabbitmqManagementUrl: process.env['RABBITMQ_MANAGEMENT_URL'] ?? 'http://127.0.0.1:15672',
  keycloakRealm: process.env['KEYCLOAK_REALM'] ?? 'eventonight',
  keycloakTestClientId: process.env['KEYCLOAK_TEST_CLIENT_ID'] ?? 'eventonight-test',
  keycloakUserServiceClientSecret: process.env['KEYCLOAK_USER_SERVICE_CLIENT_SECRET'] ?? 'user-service-secret',
  keycloakEventServiceClientSecret: process.env['KEYCLOAK_EVENT_SERVICE_CLIENT_SECRET'] ?? 'event-service-secret',
  stripeSecretKey: process.env['STRIPE_SECRET_KEY'] ?? 'sk_test_123',
  stripeWebhookSecret: process.env['STRIPE_WEBHOOK_SECRET'] ?? 'whsec_local_development_only',
  s3Region: process.env['S3_REGION'] ?? 'us-east-1',
  s3AccessKey: process.env['S3_ACCESS_KEY'] ?? 'eventonight',
  s3SecretKey: process.env['S3_SECRET_KEY'] ?? 'eventonight-secret',
  s3Bucket: process.env['S3_BUCKET'] ?? 'eventonight-media',
  /** Mailpit: services send through its SMTP port; tests read what arrived through its API. */
  smtpUrl: process.env['SMTP_URL'] ?? 'smtp://127.0.0.1:1025',
  mailpitUrl: process.env['MAILPIT_URL'] ?? 'http://127.0.0.1:8025',
  /** Jaeger: services export spans to its OTLP/HTTP receiver; tests read traces from its query API. */
  jaegerQueryUrl: process.env['JAEGER_QUERY_URL'] ?? 'http://127.0.0.1:16686',
  otlpEndpoint: process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] ?? 'http://127.0.0.1:4318',
} as const;

/** The realm's issuer as services must check it (Keycloak's public URL fixes it). */
export const keycloakIssuer = `${infra.keycloakUrl}/realms/${infra.keycloakRealm}`;

export type InfraServer = 'rabbitmq' | 'ferretdb' | 'redis' | 'keycloak' | 'stripe-mock' | 's3' | 'mailpit';

const ctlScript = fileURLToPath(new URL('../../../infra/ctl.sh', import.meta.url));
const run = promisify(execFile);

/** Stops, starts or restarts one real server, for fault tests (RabbitMQ outage, database outage). */
export async function infraCtl(action: 'stop' | 'start' | 'restart', server: InfraServer): Promise<void> {
  await run('bash', [ctlScript, action, server], { timeout: 180_000 });
}
