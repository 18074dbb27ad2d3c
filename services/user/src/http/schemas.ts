import { eventEvents, exportSources, id, role } from '@eventonight/contracts';
import { z } from 'zod';

const displayName = z.string().trim().min(1).max(120);
const website = z.url({ protocol: /^https?$/ }).max(300);
const organizationName = z.string().trim().min(1).max(120);
const description = z.string().trim().max(2000);
const bio = z.string().trim().max(1000);
const city = z.string().trim().min(1).max(120);

export const registrationBody = z
  .strictObject({
    email: z.email().max(254),
    password: z.string().min(8).max(128),
    displayName,
    role,
    organization: z
      .strictObject({ name: organizationName, description: description.optional(), website: website.optional() })
      .optional(),
  })
  .superRefine((body, ctx) => {
    if (body.role === 'organization' && body.organization === undefined) {
      ctx.addIssue({ code: 'custom', path: ['organization'], message: 'is required for an organization' });
    }
    if (body.role !== 'organization' && body.organization !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['organization'], message: 'is allowed only for an organization' });
    }
    // Keycloak's policy (notUsername) would refuse it after the fact; refuse it here, before any side effect.
    if (body.password.toLowerCase() === body.email.toLowerCase()) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'must differ from the email' });
    }
  });

export const profilePatchBody = z
  .strictObject({
    displayName: displayName.optional(),
    bio: bio.nullable().optional(),
    avatarMediaId: id.nullable().optional(),
    city: city.nullable().optional(),
    preferences: z.strictObject({ categories: z.array(eventEvents.eventCategory).max(20) }).optional(),
    organization: z
      .strictObject({
        name: organizationName.optional(),
        description: description.nullable().optional(),
        website: website.nullable().optional(),
      })
      .optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'must change at least one field' });

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
  search: z.string().trim().max(100).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(600).optional(),
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
});

export const ownProfileSchema = publicProfileSchema.extend({
  email: z.string().nullable(),
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
