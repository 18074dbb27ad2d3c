import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { placeholderProblem } from '../config/secrets.js';

/**
 * Where the operations listener binds and who may call it (ADR 0017). By default it is on
 * 127.0.0.1 and needs no token. In production (docker-compose.yml) the backup job runs in a
 * container of its own, so the listener binds to the container's address on the internal `ops`
 * network, given as that network's subnet (the address itself differs per container and replica),
 * and then a bearer token is required.
 */

export type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

export function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1';
}

function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((value, part) => value * 256 + Number(part), 0);
}

/** Whether IPv4 `address` lies in `a.b.c.d/n`. */
export function inSubnet(address: string, cidr: string): boolean {
  const [base = '', bitsText = ''] = cidr.split('/');
  const bits = Number(bitsText);
  if (isIP(base) !== 4 || isIP(address) !== 4 || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const size = 2 ** (32 - bits);
  return Math.floor(ipv4ToNumber(address) / size) === Math.floor(ipv4ToNumber(base) / size);
}

/**
 * The address to bind for OPS_HOST: an IP address as it is, or for a subnet (`a.b.c.d/n`) this
 * host's own IPv4 address inside it. Throws naming the value when it is neither or no interface matches.
 */
export function resolveOpsHost(host: string, interfaces: Interfaces = networkInterfaces()): string {
  if (isIP(host) !== 0) return host;
  const [base = '', bits = ''] = host.split('/');
  if (isIP(base) !== 4 || !/^\d{1,2}$/.test(bits) || Number(bits) > 32) {
    throw new Error(`OPS_HOST "${host}" is neither an IP address nor an IPv4 subnet like 172.31.0.0/24`);
  }
  const found = Object.values(interfaces)
    .flat()
    .find((entry) => entry !== undefined && entry.family === 'IPv4' && inSubnet(entry.address, host));
  if (found === undefined) throw new Error(`OPS_HOST ${host}: no network interface here has an address in that subnet`);
  return found.address;
}

/**
 * Why the listener may not start with this address and token, or undefined. Off loopback a token
 * is required; any token given must be a real secret (the production rule for secrets).
 */
export function opsAccessProblem(address: string, token: string | undefined): string | undefined {
  if (token === undefined || token === '') {
    return isLoopback(address) ? undefined : `OPS_TOKEN is required when the ops listener binds to ${address}, not to loopback`;
  }
  const problem = placeholderProblem(token);
  return problem === undefined ? undefined : `OPS_TOKEN ${problem}; the ops listener needs a real secret`;
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** 200 when no token is configured or the request carries it; 401 without one; 403 with another. */
export function authorizeOpsRequest(req: IncomingMessage, token: string | undefined): 200 | 401 | 403 {
  if (token === undefined || token === '') return 200;
  const header = req.headers.authorization ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  if (match === null) return 401;
  // Hashes compared in constant time: the length of the given value reveals nothing either.
  return timingSafeEqual(digest(match[1] as string), digest(token)) ? 200 : 403;
}
