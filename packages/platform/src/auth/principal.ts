import { z } from 'zod';

/** `moderator` is granted by an operator only (docs/runbook.md), never at sign-up; a moderator also holds `member`. */
export const ROLES = ['member', 'organization', 'moderator'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as established by a verified access token. */
export interface Principal {
  userId: string;
  roles: ReadonlySet<Role>;
  displayName?: string;
  email?: string;
  /** `email_verified`: the address was confirmed (buying tickets needs it). Absent: not known to be. */
  emailVerified?: boolean;
  username?: string;
  /** `azp`: the OAuth client that obtained the token (e.g. `event-service` for a service account). */
  clientId?: string;
  /** When the token stops being valid (`exp`): long-lived connections end their session then. */
  expiresAt?: Date;
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The Keycloak access-token claims we read; anything malformed is simply ignored. */
const optionalString = z.string().min(1).optional().catch(undefined);
const keycloakClaims = z.object({
  sub: z.string().min(1),
  realm_access: z
    .object({ roles: z.array(z.unknown()).catch([]) })
    .optional()
    .catch(undefined),
  name: optionalString,
  email: optionalString,
  email_verified: z.boolean().optional().catch(undefined),
  preferred_username: optionalString,
  azp: optionalString,
  exp: z.number().positive().optional().catch(undefined),
});

/** Returns undefined when the claims do not identify a user (no usable `sub`). */
export function principalFromClaims(claims: unknown): Principal | undefined {
  const parsed = keycloakClaims.safeParse(claims);
  if (!parsed.success) return undefined;
  const { sub, realm_access, name, email, email_verified, preferred_username, azp, exp } = parsed.data;
  const roles = new Set<Role>();
  for (const role of realm_access?.roles ?? []) {
    // Keycloak adds its own realm roles (offline_access, default-roles-…): not ours, ignored.
    if (typeof role === 'string' && isRole(role)) roles.add(role);
  }
  return {
    userId: sub,
    roles,
    ...(name === undefined ? {} : { displayName: name }),
    ...(email === undefined ? {} : { email }),
    ...(email_verified === undefined ? {} : { emailVerified: email_verified }),
    ...(preferred_username === undefined ? {} : { username: preferred_username }),
    ...(azp === undefined ? {} : { clientId: azp }),
    ...(exp === undefined ? {} : { expiresAt: new Date(exp * 1000) }),
  };
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return roles.some((role) => principal.roles.has(role));
}
