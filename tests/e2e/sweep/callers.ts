import { keycloakIssuer } from '@eventonight/testing';
import { operationKey } from './openapi.js';
import type { SweepRequest } from './requests.js';
import type { CallerRole, RouteSetup } from './route-setup.js';
import type { Authorizer } from './send.js';
import { eventServiceToken, type World } from './world.js';

/** Who sends each request: real tokens for the route's caller, the wrong one, none, or forgeries. */

export type Tokens = Record<CallerRole, string>;

/** Fresh tokens (they live 5 minutes): taken before each phase of the sweep. */
export async function currentTokens(world: World): Promise<Tokens> {
  const [member, organization, moderator, service] = await Promise.all([world.member.token(), world.organization.token(), world.moderator.token(), eventServiceToken()]);
  return { member, organization, moderator, 'event-service': service };
}

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Claims that would make the member an organization, if anything trusted them unsigned. */
function claims(world: World): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: keycloakIssuer,
    aud: 'eventonight-api',
    sub: world.member.id,
    azp: 'event-service',
    iat: now,
    exp: now + 3_600,
    realm_access: { roles: ['member', 'organization'] },
  };
}

export function authorizer(tokens: Tokens, setups: ReadonlyMap<string, RouteSetup>, world: World): Authorizer {
  const forged = `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url(claims(world))}.${Buffer.from('not the signature').toString('base64url')}`;
  const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims(world))}.`;
  return (request: SweepRequest) => {
    const setup = setups.get(operationKey(request.op));
    if (setup === undefined) throw new Error(`no setup for ${operationKey(request.op)}`);
    switch (request.caller) {
      case 'default':
        return `Bearer ${tokens[setup.caller]}`;
      case 'anonymous':
        return undefined;
      case 'forged-token':
        return `Bearer ${forged}`;
      case 'unsigned-token':
        return `Bearer ${unsigned}`;
      case 'wrong-role':
        return `Bearer ${setup.caller === 'organization' ? tokens.member : tokens.organization}`;
    }
  };
}
