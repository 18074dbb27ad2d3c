import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * A response body already parsed by its schema and serialized: `defineRoute` sends the text as
 * it is, without parsing and serializing it again. For answers served from a cache, where that
 * work was most of a request's cost (`bench:read`, docs/adr/0016).
 */
export class JsonText<T> {
  /** Only the type: the value the text stands for. */
  declare private readonly value: T;

  private constructor(readonly text: string) {}

  /** Parses `value` with `schema` (undeclared fields stripped, a broken contract throws) and serializes it. */
  static of<S extends z.ZodType>(schema: S, value: unknown): JsonText<z.output<S>> {
    return new JsonText<z.output<S>>(JSON.stringify(schema.parse(value)));
  }

  /**
   * A text that `of` made with a schema whose `schemaFingerprint` is part of where the text was
   * kept (a cache key), so a text made under another version of the schema is never found.
   */
  static kept<S extends z.ZodType>(_schema: S, text: string): JsonText<z.output<S>> {
    return new JsonText<z.output<S>>(text);
  }
}

const fingerprints = new WeakMap<z.ZodType, string>();

/** A short hash of the schema's JSON Schema: it changes whenever the contract does. */
export function schemaFingerprint(schema: z.ZodType): string {
  let fingerprint = fingerprints.get(schema);
  if (fingerprint === undefined) {
    const described = JSON.stringify(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }));
    fingerprint = createHash('sha256').update(described).digest('base64url').slice(0, 12);
    fingerprints.set(schema, fingerprint);
  }
  return fingerprint;
}
