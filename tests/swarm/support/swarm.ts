import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The Swarm stack on the local three-node swarm (scripts/swarm-local.sh): where the edge is, and
 * the operator's commands on the nodes. Imported first by the Swarm test: the edge helpers of the
 * production test read EN_PROD_* when they load, and here they point at node 1's Traefik and the
 * stack's secrets.
 */

export const root = join(import.meta.dirname, '..', '..', '..');
export const STACK = 'eventonight';
export const NODE_ADDRESSES = ['10.77.0.1', '10.77.0.2', '10.77.0.3'] as const;
process.env['EN_PROD_EDGE_ADDRESS'] ??= NODE_ADDRESSES[0];
process.env['EN_PROD_SECRETS_DIR'] ??= join(root, '.infra', 'prod-local', 'swarm', 'secrets');

const execFileAsync = promisify(execFile);

/** The docker CLI on node N (1-3), without blocking the event loop (traffic runs meanwhile). */
export async function onNode(node: number, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('bash', ['deploy/local/swarm-engine.sh', 'docker', String(node), ...args], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
    timeout: 900_000,
  });
  return stdout;
}

/** A manager that is up: node 1 unless it is the one taken down. */
export let manager = 1;
export function useManager(node: number): void {
  manager = node;
}

export function docker(...args: string[]): Promise<string> {
  return onNode(manager, ...args);
}

export function swarmLocal(...args: string[]): void {
  const result = spawnSync('bash', ['scripts/swarm-local.sh', ...args], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], timeout: 3_000_000 });
  if (result.status !== 0) throw new Error(`scripts/swarm-local.sh ${args.join(' ')} exited ${String(result.status ?? result.signal)}`);
}

export interface Task {
  id: string;
  node: string;
  desired: string;
  state: string;
}

/** The tasks of a stack service (e.g. "notification"), running or not. */
export async function tasksOf(service: string): Promise<Task[]> {
  const out = await docker('service', 'ps', '--no-trunc', '--format', '{{.ID}}|{{.Node}}|{{.DesiredState}}|{{.CurrentState}}', `${STACK}_${service}`);
  return out
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [id = '', node = '', desired = '', state = ''] = line.split('|');
      return { id, node, desired, state };
    });
}

export async function runningTasks(service: string): Promise<Task[]> {
  return (await tasksOf(service)).filter((task) => task.desired === 'Running' && task.state.startsWith('Running'));
}

/** Replicas "running/desired" of every service of the stack. */
export async function replicas(): Promise<Map<string, string>> {
  const out = await docker('service', 'ls', '--filter', `label=com.docker.stack.namespace=${STACK}`, '--format', '{{.Name}} {{.Replicas}}');
  return new Map(
    out
      .trim()
      .split('\n')
      .map((line) => line.split(' '))
      .map(([name = '', count = '']) => [name.replace(`${STACK}_`, ''), count]),
  );
}

/** The id of the container of a running task of `service` on node N (hostname swarm-N), if any. */
export async function containerOn(node: number, service: string): Promise<string | undefined> {
  const out = await onNode(node, 'ps', '-q', '--filter', `label=com.docker.swarm.service.name=${STACK}_${service}`);
  return out.trim().split('\n').find((id) => id !== '');
}

export async function execIn(node: number, container: string, ...command: string[]): Promise<string> {
  return onNode(node, 'exec', container, ...command);
}

/** Established TCP connections to the port in the container (from /proc/net/tcp{,6}: no tools needed in the image). */
export async function establishedTo(node: number, container: string, port: number): Promise<number> {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const out = await execIn(node, container, 'cat', '/proc/net/tcp', '/proc/net/tcp6');
  return out.split('\n').filter((line) => {
    const fields = line.trim().split(/\s+/);
    return fields[1]?.endsWith(`:${hex}`) === true && fields[3] === '01';
  }).length;
}

/** `docker service update --force`: every replica replaced, one at a time (the stack's update_config). */
export function forceUpdate(service: string): Promise<string> {
  return docker('service', 'update', '--force', '--quiet', `${STACK}_${service}`);
}

/** The local stack's settings file and backups folder (scripts/swarm-local.sh). */
export const SWARM_ENV_FILE = join(root, '.infra', 'prod-local', 'swarm', 'swarm.env');
export const SWARM_BACKUPS = join(root, '.infra', 'prod-local', 'swarm', 'backups');

/** deploy/swarm/backup.sh as the operator runs it on node 1 (the manager with BACKUP_DIR), without blocking. */
export async function swarmBackup(...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('bash', ['deploy/swarm/backup.sh', SWARM_ENV_FILE, ...args], {
    cwd: root,
    env: { ...process.env, DOCKER_HOST: 'unix:///run/eventonight-swarm/swarm-1.sock' },
    timeout: 1_800_000,
  });
  return stdout;
}

export function nodeDown(node: number): void {
  swarmLocal('node-down', String(node));
}

export function nodeUp(node: number): void {
  swarmLocal('node-up', String(node));
}
