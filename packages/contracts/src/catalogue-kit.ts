import { z } from 'zod';

/** One kind of domain event: its routing key (= type), schema version and payload schema. */
export interface EventDefinition<TType extends string = string, TSchema extends z.ZodType = z.ZodType> {
  readonly type: TType;
  readonly version: number;
  readonly data: TSchema;
}

export function defineEvent<const TType extends string, TSchema extends z.ZodType>(
  type: TType,
  version: number,
  data: TSchema,
): EventDefinition<TType, TSchema> {
  return { type, version, data };
}

export const id = z.string().min(1).max(128);
export const isoDate = z.iso.datetime({ offset: true });
export const currency = z.string().regex(/^[a-z]{3}$/, 'ISO 4217 code in lower case');
/** Money is always an integer count of the currency's minor unit (cents), never a float. */
export const money = z.object({ amountMinor: z.number().int().nonnegative(), currency });
export const role = z.enum(['member', 'organization']);
