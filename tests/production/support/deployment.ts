import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';
import { root, STATE } from './edge.js';

/**
 * The deployment npm run prod:local runs on the local engine: its compose commands and the deploy/
 * scripts, run as an operator runs them (the engine's socket and this deployment's files in the
 * environment, so a plain `docker compose` in deploy/*.sh addresses this deployment).
 */

const cache = join(process.env['EVENTONIGHT_CACHE'] ?? join(process.env['HOME'] ?? '/root', '.cache', 'eventonight'), 'prod-local');

export const operatorEnv: NodeJS.ProcessEnv = {
  ...process.env,
  DOCKER_HOST: 'unix:///run/eventonight-prod.sock',
  DOCKER_CONFIG: join(cache, 'docker-config'),
  COMPOSE_PROJECT_NAME: 'eventonight',
  COMPOSE_FILE: 'docker-compose.yml:deploy/local/compose.local.yml',
  COMPOSE_ENV_FILES: join(STATE, 'prod.env'),
};

/** Runs a command in the repository as the operator; fails with its output unless it exits 0. */
export function run(command: string, args: readonly string[], timeoutMs = 600_000, env: NodeJS.ProcessEnv = operatorEnv): string {
  const result: SpawnSyncReturns<string> = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', timeout: timeoutMs });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${String(result.status ?? result.signal)}:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  }
  return result.stdout;
}

export function compose(...args: string[]): string {
  return run('docker', ['compose', ...args]);
}

/** The container id of a compose service's (first) container. */
export function containerOf(service: string): string {
  return compose('ps', '-q', service).trim().split('\n')[0] ?? '';
}

export interface ContainerState {
  status: string;
  health: string;
  restartCount: number;
  startedAt: string;
  /** The container's main process, as the host sees it. */
  pid: number;
}

export function containerState(id: string): ContainerState {
  const out = execFileSync('docker', ['inspect', '--format', '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}} {{.RestartCount}} {{.State.StartedAt}} {{.State.Pid}}', id], {
    env: operatorEnv,
    encoding: 'utf8',
  }).trim();
  const [status = '', health = '', restarts = '0', startedAt = '', pid = '0'] = out.split(' ');
  return { status, health, restartCount: Number(restarts), startedAt, pid: Number(pid) };
}

/** mongosh inside a service's database container, as its root user (the operator's way in). */
export function mongoEval(service: string, script: string): string {
  return compose('exec', '-T', `${service}-mongo`, 'sh', '-c', mongoshCommand(service, script)).trim();
}

/** The shell command that runs `script` in mongosh as the database container's root user. */
function mongoshCommand(service: string, script: string): string {
  return `mongosh --quiet --username root --password "$(cat /run/secrets/mongo_root_password)" --authenticationDatabase admin ${service} --eval '${script.replaceAll("'", "'\\''")}'`;
}

/**
 * mongosh in a service's database container, found by name among the engine's containers (a
 * compose project's or a Swarm stack's), as its root user: the operator's way in, on either.
 */
export function operatorMongoEval(service: string, script: string): string {
  const pattern = new RegExp(`[_-]${service}-mongo[._-]`);
  const engines = operatorEngines();
  for (const engine of engines) {
    const env = { ...operatorEnv, DOCKER_HOST: engine };
    const names = run('docker', ['ps', '--format', '{{.ID}} {{.Names}}'], 600_000, env).trim().split('\n');
    const id = names.map((line) => line.split(' ')).find(([, name]) => name !== undefined && pattern.test(name))?.[0];
    if (id !== undefined) return run('docker', ['exec', id, 'sh', '-c', mongoshCommand(service, script)], 600_000, env).trim();
  }
  throw new Error(`no ${service}-mongo container is running on ${engines.join(', ')}`);
}

/**
 * The engines an operator's lookups search: OPERATOR_DOCKER_HOSTS (space-separated; the Swarm
 * test names its three nodes, as a task may run on any) or else this deployment's one engine.
 */
function operatorEngines(): string[] {
  const listed = (process.env['OPERATOR_DOCKER_HOSTS'] ?? '').split(' ').filter((host) => host !== '');
  return listed.length > 0 ? listed : [String(operatorEnv['DOCKER_HOST'])];
}
