import { z } from 'zod';
import { baseServiceConfigShape, httpUrl, nonEmptyString, port, positiveInt, secret } from '@eventonight/platform';

/** The media service's environment (README lists each variable). */
export const mediaServiceConfig = z.object({
  ...baseServiceConfigShape,
  PORT: port({ allowEphemeral: true }).default(3007),
  /** The store as this service reaches it (stat, remove): the private network in production. */
  S3_ENDPOINT: httpUrl().default('http://127.0.0.1:9000'),
  /** The store as browsers reach it, signed into upload/view URLs. Unset: the same as S3_ENDPOINT (local runs). */
  S3_PUBLIC_URL: httpUrl().optional(),
  S3_REGION: nonEmptyString().default('us-east-1'),
  S3_BUCKET: nonEmptyString().default('eventonight-media'),
  S3_ACCESS_KEY: nonEmptyString(),
  S3_SECRET_KEY: secret(),
  /** Unset: every view URL is presigned. Set (production, a public-read prefix): public purposes get `<base>/<key>`. */
  MEDIA_PUBLIC_BASE_URL: httpUrl().optional(),
  MEDIA_UPLOAD_TTL_SECONDS: positiveInt(300),
  /** How long after its URL expired a pending upload is swept (0 allowed: tests). */
  MEDIA_UPLOAD_GRACE_SECONDS: z
    .string({ error: 'must be a whole number' })
    .trim()
    .regex(/^\d{1,9}$/, { error: 'must be a whole number' })
    .transform(Number)
    .default(300),
  MEDIA_VIEW_TTL_SECONDS: positiveInt(900),
  MEDIA_SWEEP_INTERVAL_MS: positiveInt(60_000),
});

export type MediaServiceConfig = z.output<typeof mediaServiceConfig>;
