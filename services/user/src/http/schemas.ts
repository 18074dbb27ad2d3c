import { eventEvents, exportSources, role } from '@eventonight/contracts';
import { cursorParam, opaqueId, optionalText, pageLimitParam, requiredText } from '@eventonight/platform';
import { z } from 'zod';
import { decodeCursor } from '../persistence/cursor.js';

/**
 * Every input constraint below is a real zod check, so the OpenAPI document says exactly what is
 * accepted (issue 26): ids and addresses are precise ASCII patterns, free text is counted in
 * characters (code points) as JSON Schema counts. The only rules left as refinements (answered 422
 * `unprocessable`) are the ones JSON Schema cannot state: a password equal to the email.
 */

/** An id this API issued (Keycloak user ids, export and media ids are UUIDs): ASCII, 1–128. */
const id = opaqueId('must be an id (1–128 letters, digits, "_" or "-")');

/**
 * An address the identity provider (Keycloak: email validation, and the email is the username)
 * accepts: dot-separated atoms of letters, digits, `_`, `+`, `-` (at most 64 before the `@`), then
 * DNS labels of at most 63 that neither start nor end with `-`, and a top-level domain of letters.
 */
const EMAIL = /^[A-Za-z0-9_+-]{1,64}(?:\.[A-Za-z0-9_+-]{1,64})*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const email = z
  .string()
  .max(254)
  .regex(EMAIL, 'must be an email address')
  .regex(/^[^@]{1,64}@/, 'must have at most 64 characters before the @')
  .meta({ description: 'An email address (case does not matter; stored in lower case).' });

/** 8 to 128 characters (code points), anything but NUL. */
const password = z
  .string()
  .regex(/^[\s\S]{8,128}$/u, 'must be 8 to 128 characters')
  .meta({ minLength: 8, maxLength: 128 });

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const TOP_LABEL = '[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const PORT = '(?:[0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])';
/**
 * An http(s) address with a DNS host name (its last label starts with a letter), an optional port
 * and any printable ASCII after it: what a browser opens as a link (non-ASCII is percent-encoded).
 */
const WEBSITE = new RegExp(`^https?://(?:${LABEL}\\.)*${TOP_LABEL}(?::${PORT})?(?:[/?#][!-~]*)?$`);
const website = z
  .string()
  .max(300)
  .regex(WEBSITE, 'must be an http(s) address such as https://example.org')
  .meta({ description: 'An http or https address, in ASCII (percent-encode anything else).' });

const displayName = requiredText(120);
const organizationName = requiredText(120);
const description = optionalText(2000);
const bio = optionalText(1000);
const city = requiredText(120);

const registrationFields = { email, password, displayName };

/** A member has no organization fields; an organization must give them (its name at least). */
export const registrationBody = z
  .discriminatedUnion('role', [
    z.strictObject({ ...registrationFields, role: z.literal('member') }),
    z.strictObject({
      ...registrationFields,
      role: z.literal('organization'),
      organization: z.strictObject({ name: organizationName, description: description.optional(), website: website.optional() }),
    }),
  ])
  .superRefine((body, ctx) => {
    // Keycloak's policy (notUsername) would refuse it after the fact; refuse it here, before any side effect.
    if (body.password.toLowerCase() === body.email.toLowerCase()) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'must differ from the email' });
    }
  });

const PATCH_FIELDS = ['displayName', 'bio', 'avatarMediaId', 'city', 'preferences', 'privateProfile', 'organization'] as const;

/**
 * At least one field (`minProperties: 1`), checked as a schema rule (400 `validation`), not as a
 * refinement: the document states it.
 */
export const profilePatchBody = z
  .strictObject({
    displayName: displayName.optional(),
    bio: bio.nullable().optional(),
    avatarMediaId: id.nullable().optional(),
    city: city.nullable().optional(),
    preferences: z.strictObject({ categories: z.array(eventEvents.eventCategory).max(20) }).optional(),
    /** Hide what I go to from others (ADR 0040). */
    privateProfile: z.boolean().optional(),
    organization: z
      .strictObject({
        name: organizationName.optional(),
        description: description.nullable().optional(),
        website: website.nullable().optional(),
      })
      .optional(),
  })
  .superRefine((body, ctx) => {
    if (PATCH_FIELDS.some((field) => body[field] !== undefined)) return;
    ctx.addIssue({ code: 'too_small', origin: 'object', minimum: 1, inclusive: true, input: body, message: 'must change at least one field' });
  })
  .meta({ minProperties: 1 });

/** `If-Match: "7"` (also W/"7" or 7); `*` means any version. */
export const ifMatchHeaders = z.object({
  'if-match': z
    .string()
    .regex(/^(\*|(W\/)?"?\d{1,12}"?)$/, 'must be the ETag of the profile, e.g. "3"')
    .transform((value) => (value === '*' ? undefined : Number(value.replace(/\D/g, ''))))
    .optional(),
});

export const userIdParams = z.strictObject({ id });

export const organizationQuery = z.strictObject({
  search: optionalText(100).default(''),
  limit: pageLimitParam.default(20),
  cursor: cursorParam(decodeCursor).optional(),
});

const organization = z.object({ name: z.string(), description: z.string().nullable(), website: z.string().nullable() });

export const publicProfileSchema = z.object({
  id,
  role,
  displayName: z.string(),
  avatarMediaId: z.string().nullable(),
  bio: z.string().nullable(),
  city: z.string().nullable(),
  organization: organization.nullable(),
  /** Its going list is hidden from others (ADR 0040). */
  privateProfile: z.boolean(),
});

export const ownProfileSchema = publicProfileSchema.extend({
  email: z.string().nullable(),
  /** Buying tickets needs a confirmed address. */
  emailVerified: z.boolean(),
  /** An address waiting for its link to be opened: the first one after sign-up, or a new one (the current stays in use meanwhile). */
  pendingEmail: z.object({ email: z.string(), reason: z.enum(['sign-up', 'change']), sentAt: z.string(), expiresAt: z.string() }).nullable(),
  preferences: z.object({ categories: z.array(eventEvents.eventCategory) }),
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const organizationPageSchema = z.object({ items: z.array(publicProfileSchema), nextCursor: z.string().nullable() });

export const exportIdParams = z.strictObject({ exportId: id });

export const dataExportSchema = z.object({
  exportId: id,
  /** preparing (parts still arriving), ready (downloadable until expiresAt), expired, incomplete (a part never came). */
  status: z.enum(['preparing', 'ready', 'expired', 'incomplete']),
  requestedAt: z.string(),
  readyAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  receivedParts: z.array(exportSources),
  missingParts: z.array(exportSources),
});

export const dataExportListSchema = z.object({ items: z.array(dataExportSchema) });

/** A new address for the account: in use once the link mailed to it is opened. */
export const emailChangeBody = z.strictObject({ email });

/** The secret of a mailed confirmation link (43 base64url characters). */
export const emailConfirmationBody = z.strictObject({
  token: z.string().length(43).regex(/^[A-Za-z0-9_-]{43}$/, 'must be the code from the confirmation link'),
});

export const emailConfirmedSchema = z.object({ email: z.string(), emailVerified: z.literal(true) });
