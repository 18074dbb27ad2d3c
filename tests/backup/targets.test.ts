import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mongoUrlOf, serviceMongoUrl, targetsFromEnv, type ReadText } from '../../scripts/backup/targets.js';

/**
 * The backup tool's targets as production gives them (docker-compose.yml's `backup` one-shot):
 * secrets as files, one mongod per service reached as its root user, the ops listeners' token,
 * Keycloak's pg_dump. The local form (one MONGODB_URL, plain values) must keep working.
 */

const files: Record<string, string> = {
  '/run/secrets/user_mongo_root_password': 'p@ss/word:1\n',
  '/run/secrets/event_mongo_root_password': 'e0e0e0e0e0e0e0e0e0e0\n',
  '/run/secrets/ops_token': '5c1d9e0a7b3f42e8a6c4d2b0f9e8d7c6\n',
  '/run/secrets/rabbitmq_backup_password': 'rb0rb0rb0rb0rb0rb0rb0\n',
  '/run/secrets/s3_admin_secret_key': 's3s3s3s3s3s3s3s3s3s3\n',
  '/run/secrets/empty': '\n',
};
const read: ReadText = (path) => {
  const content = files[path];
  if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return content;
};

const production = {
  BACKUP_SERVICES: 'user=http://user-ops:4001=user event=http://event-ops:4002=event',
  BACKUP_MONGO_URL_TEMPLATE: 'mongodb://root:{password}@{service}-mongo:27017/?authSource=admin',
  BACKUP_MONGO_PASSWORD_FILE_TEMPLATE: '/run/secrets/{service}_mongo_root_password',
  BACKUP_OPS_TOKEN_FILE: '/run/secrets/ops_token',
  RABBITMQ_MANAGEMENT_URL: 'http://rabbitmq:15672/',
  RABBITMQ_MANAGEMENT_USER: 'backup',
  RABBITMQ_MANAGEMENT_PASSWORD_FILE: '/run/secrets/rabbitmq_backup_password',
  S3_ENDPOINT: 'http://seaweedfs:9000',
  S3_ACCESS_KEY: 'eventonight-admin',
  S3_SECRET_KEY_FILE: '/run/secrets/s3_admin_secret_key',
  S3_BUCKET: 'eventonight-media',
  BACKUP_KEYCLOAK_PG_DUMP: '/backups/.staging/keycloak.pgdump',
  BACKUP_GIT_COMMIT: '0123abcd',
};

describe('backup targets: production (compose one-shot)', () => {
  it('each service gets its own mongod as root, the password read from its file and URL-encoded', () => {
    const targets = targetsFromEnv(production, read);
    const [user, event] = targets.services;
    assert.ok(user !== undefined && event !== undefined);
    assert.equal(targets.mongoUrl, undefined);
    assert.equal(mongoUrlOf(targets, user), 'mongodb://root:p%40ss%2Fword%3A1@user-mongo:27017/?authSource=admin');
    assert.equal(new URL(mongoUrlOf(targets, user)).password, 'p%40ss%2Fword%3A1');
    assert.equal(mongoUrlOf(targets, event), 'mongodb://root:e0e0e0e0e0e0e0e0e0e0@event-mongo:27017/?authSource=admin');
    assert.equal(user.database, 'user');
    assert.equal(user.opsUrl, 'http://user-ops:4001');
  });

  it('secrets come from their files: ops token, RabbitMQ monitoring password, S3 admin key', () => {
    const targets = targetsFromEnv(production, read);
    assert.deepEqual(targets.services.map((s) => s.opsToken), ['5c1d9e0a7b3f42e8a6c4d2b0f9e8d7c6', '5c1d9e0a7b3f42e8a6c4d2b0f9e8d7c6']);
    assert.deepEqual(targets.rabbitmq, { managementUrl: 'http://rabbitmq:15672', user: 'backup', password: 'rb0rb0rb0rb0rb0rb0rb0', vhost: '/' });
    assert.equal(targets.objects.secretKey, 's3s3s3s3s3s3s3s3s3s3');
    assert.equal(targets.objects.endpoint.href, 'http://seaweedfs:9000/');
    assert.deepEqual(targets.keycloak, { kind: 'pg_dump', dumpFile: '/backups/.staging/keycloak.pgdump' });
    assert.equal(targets.gitCommit, '0123abcd');
  });

  it('refuses, naming it, a missing or empty secret file, a value given twice, a template without {service}', () => {
    assert.throws(() => targetsFromEnv({ ...production, BACKUP_OPS_TOKEN_FILE: '/run/secrets/nope' }, read), /BACKUP_OPS_TOKEN_FILE names a file that cannot be read \(ENOENT\): \/run\/secrets\/nope/);
    assert.throws(() => targetsFromEnv({ ...production, S3_SECRET_KEY_FILE: '/run/secrets/empty' }, read), /S3_SECRET_KEY_FILE names an empty file/);
    assert.throws(() => targetsFromEnv({ ...production, S3_SECRET_KEY: 'x' }, read), /S3_SECRET_KEY and S3_SECRET_KEY_FILE are both set/);
    assert.throws(() => serviceMongoUrl({ BACKUP_MONGO_URL_TEMPLATE: 'mongodb://root@db:27017' }, 'user', read), /must contain \{service\}/);
    assert.throws(
      () => targetsFromEnv({ ...production, BACKUP_SERVICES: 'chat=http://chat-ops:4004=chat' }, read),
      /PASSWORD_FILE names a file that cannot be read \(ENOENT\): \/run\/secrets\/chat_mongo_root_password/,
    );
    assert.throws(() => targetsFromEnv({ ...production, BACKUP_KEYCLOAK_H2_DIR: '/x', BACKUP_KEYCLOAK_CTL: '/y' }, read), /both set; keep one/);
    assert.throws(() => targetsFromEnv({ ...production, BACKUP_SETTLE_TIMEOUT_MS: 'soon' }, read), /BACKUP_SETTLE_TIMEOUT_MS must be a positive number/);
  });
});

describe('backup targets: local (scripts/backup.sh)', () => {
  const local = {
    BACKUP_SERVICES: 'user=http://127.0.0.1:4001=eventonight_user',
    MONGODB_URL: 'mongodb://127.0.0.1:27017',
    RABBITMQ_MANAGEMENT_URL: 'http://127.0.0.1:15672',
    S3_ENDPOINT: 'http://127.0.0.1:8333',
    S3_ACCESS_KEY: 'eventonight',
    S3_SECRET_KEY: 'eventonight-secret',
    S3_BUCKET: 'eventonight-media',
    BACKUP_KEYCLOAK_H2_DIR: '/state/keycloak/h2',
    BACKUP_KEYCLOAK_CTL: '/repo/infra/ctl.sh',
  };

  it('one database server for every service, no token, guest on the management API, Keycloak\'s H2', () => {
    const targets = targetsFromEnv(local, read);
    const [user] = targets.services;
    assert.ok(user !== undefined);
    assert.equal(mongoUrlOf(targets, user), 'mongodb://127.0.0.1:27017');
    assert.equal(user.opsToken, undefined);
    assert.equal(targets.rabbitmq.user, 'guest');
    assert.deepEqual(targets.keycloak, { kind: 'h2', h2Dir: '/state/keycloak/h2', ctlScript: '/repo/infra/ctl.sh' });
    assert.equal(targets.gitCommit, undefined);
    assert.equal(targets.settleTimeoutMs, 120_000);
  });

  it('without MONGODB_URL and without a template, it says which to set', () => {
    const { MONGODB_URL: _, ...withoutMongo } = local;
    assert.throws(() => targetsFromEnv(withoutMongo, read), /MONGODB_URL is not set \(nor BACKUP_MONGO_URL_TEMPLATE\)/);
  });
});
