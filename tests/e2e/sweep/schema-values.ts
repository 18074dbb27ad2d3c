import type { JsonSchema } from './openapi.js';

/**
 * Values derived from a JSON schema: one that the schema accepts (for the valid baseline of a
 * request) and ones that break exactly one of its rules (for the malformed variants).
 */

export interface LabelledValue {
  label: string;
  value: unknown;
}

const DAY = 86_400_000;
// Far enough ahead that no event of the sweep starts or ends while it runs.
const START = new Date(Math.ceil((Date.now() + 30 * DAY) / 3_600_000) * 3_600_000);
const END = new Date(START.getTime() + 3 * 3_600_000);

/** The schema's alternatives: `anyOf` or `oneOf` branches, or the schema itself. */
function branches(schema: JsonSchema): JsonSchema[] {
  return (schema.anyOf ?? schema.oneOf)?.flatMap(branches) ?? [schema];
}

/** Every pattern a string must match: its own and those beside it in `allOf`. */
function patternsOf(schema: JsonSchema): string[] {
  return [schema.pattern, ...(schema.allOf ?? []).map((rule) => rule.pattern)].filter((pattern) => pattern !== undefined);
}

export function isNullable(schema: JsonSchema): boolean {
  return branches(schema).some((branch) => branch.type === 'null');
}

/** The first alternative that is not `null`: what a valid non-null value is built from. */
export function primary(schema: JsonSchema): JsonSchema {
  return branches(schema).find((branch) => branch.type !== 'null') ?? schema;
}

/** Whether a string keeps to the schema's length and pattern. */
export function fits(schema: JsonSchema, text: string): boolean {
  if (schema.minLength !== undefined && text.length < schema.minLength) return false;
  if (schema.maxLength !== undefined && text.length > schema.maxLength) return false;
  return patternsOf(schema).every((pattern) => new RegExp(pattern, 'u').test(text));
}

// Emails and web addresses are patterns where Keycloak's rules are stricter than a format.
const STRING_CANDIDATES = ['Sweep value', 'sweep-id', 'eur', '20', '*', 'sweep.member@sweep.example', 'https://sweep.example/about'];

/** A readable string the schema accepts; `name` picks an end date over a start date. */
export function validString(schema: JsonSchema, name: string): string {
  if (schema.enum !== undefined) return String(schema.enum[0]);
  if (typeof schema.const === 'string') return schema.const;
  if (schema.format === 'date-time') return (/^(ends?At|to)$/.test(name) ? END : START).toISOString();
  if (schema.format === 'email') return 'sweep.member@sweep.example';
  if (schema.format === 'uri') return 'https://sweep.example/about';
  const found = STRING_CANDIDATES.find((candidate) => fits(schema, candidate));
  if (found !== undefined) return found;
  const length = Math.max(schema.minLength ?? 1, 1);
  const filler = 'x'.repeat(length);
  if (fits(schema, filler)) return filler;
  throw new Error(`no valid string for ${name}: ${JSON.stringify(schema)}`);
}

function validNumber(schema: JsonSchema): number {
  const lowest = schema.minimum ?? (schema.exclusiveMinimum === undefined ? undefined : schema.exclusiveMinimum + 1);
  const wanted = Math.max(lowest ?? 1, 1);
  return schema.maximum === undefined ? wanted : Math.min(wanted, schema.maximum);
}

/** A value the schema accepts, every optional property included (so each one gets its variants). */
export function validValue(schema: JsonSchema, name: string): unknown {
  const node = primary(schema);
  if (node.enum !== undefined) return node.enum[0];
  if (node.const !== undefined) return node.const;
  switch (node.type) {
    case 'string':
      return validString(node, name);
    case 'integer':
    case 'number':
      return validNumber(node);
    case 'boolean':
      return true;
    case 'array':
      return node.maxItems === 0 || node.items === undefined ? [] : [validValue(node.items, name)];
    case 'object':
      return Object.fromEntries(Object.entries(node.properties ?? {}).map(([key, property]) => [key, validValue(property, key)]));
    default:
      throw new Error(`no valid value for ${name}: ${JSON.stringify(schema)}`);
  }
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Whether the schema accepts values of `value`'s JSON type (constraints aside). */
export function typeAccepted(schema: JsonSchema, value: unknown): boolean {
  const type = jsonTypeOf(value);
  return branches(schema).some(
    (branch) => branch.type === undefined || branch.type === type || (branch.type === 'number' && type === 'integer'),
  );
}

const WRONG_TYPES: LabelledValue[] = [
  { label: 'a number', value: 42 },
  { label: 'a string', value: 'sweep' },
  { label: 'null', value: null },
  { label: 'an array', value: ['sweep'] },
  { label: 'a fraction', value: 1.5 },
];

/** Values of a JSON type the schema does not accept (objects are covered by the operators). */
export function wrongTypeValues(schema: JsonSchema): LabelledValue[] {
  const wrong = WRONG_TYPES.filter(({ value }) => !typeAccepted(schema, value));
  // A fraction adds something only where integers are expected.
  return primary(schema).type === 'integer' ? wrong : wrong.filter(({ label }) => label !== 'a fraction');
}

/** MongoDB query operators where a plain value belongs: they must never reach a query. */
export const OPERATOR_OBJECTS: LabelledValue[] = [
  { label: 'operator {"$gt":""}', value: { $gt: '' } },
  { label: 'operator {"$ne":null}', value: { $ne: null } },
];

/** Values of the right type that break one constraint (length, range, pattern, enum, format). */
export function constraintViolations(schema: JsonSchema): LabelledValue[] {
  const node = primary(schema);
  const out: LabelledValue[] = [];
  if (node.type === 'string') {
    if (node.maxLength !== undefined) out.push({ label: `${node.maxLength + 1} characters`, value: 'x'.repeat(node.maxLength + 1) });
    if ((node.minLength ?? 0) > 0) out.push({ label: 'empty string', value: '' });
    if (node.enum !== undefined) out.push({ label: 'not a member of the enum', value: 'zz-not-a-member' });
    if (node.format === 'date-time') out.push({ label: 'not a date-time', value: '31/12/2030 20:00' });
    else if (node.format === 'email') out.push({ label: 'not an email', value: 'not-an-email' });
    else if (node.format === 'uri') out.push({ label: 'not a URL', value: 'javascript:alert(1)' });
    else if (patternsOf(node).some((pattern) => !new RegExp(pattern, 'u').test('has space!'))) {
      out.push({ label: 'against the pattern', value: 'has space!' });
    }
  }
  if (node.type === 'integer' || node.type === 'number') {
    if (node.maximum !== undefined) out.push({ label: 'above the maximum', value: node.maximum + 1 });
    if (node.minimum !== undefined) out.push({ label: 'below the minimum', value: node.minimum - 1 });
    if (node.exclusiveMinimum !== undefined) out.push({ label: 'at the exclusive minimum', value: node.exclusiveMinimum });
  }
  if (node.type === 'array' && node.maxItems !== undefined && node.items !== undefined) {
    const item = validValue(node.items, 'item');
    out.push({ label: `${node.maxItems + 1} items`, value: Array.from({ length: node.maxItems + 1 }, () => item) });
  }
  return out;
}

/**
 * Unicode that a string field may well accept: the point is that nothing breaks on it. The
 * lone surrogate exists only in JSON bodies (it has no UTF-8 form for URLs).
 */
export const UNICODE_VALUES: LabelledValue[] = [
  { label: 'emoji', value: 'Fête 🎉🦄 👩‍👩‍👧‍👦' },
  { label: 'NUL character', value: 'nul\u0000byte' },
  { label: 'right-to-left', value: 'مرحبا \u202Eevil\u202C שלום' },
  { label: 'zero-width', value: 'a\u200Bb\u200Cc\u200Dd\uFEFF' },
  { label: 'combining marks', value: 'Z\u0351\u0334a\u0336\u0317l\u0338g\u0335o\u0300\u0301' },
  { label: 'injection-looking text', value: `{"$gt": ""} '; DROP TABLE x; -- <script>alert(1)</script> \${7*7} ../../etc/passwd` },
  { label: 'lone surrogate', value: 'half \uD83D pair' },
];

/** False for text with a lone surrogate, which has no UTF-8 form (and so no URL encoding). */
/**
 * True when the schema surely refuses `text` as a path or query value (a query string carries
 * text only; numbers are coerced). False means "may accept it", not "accepts it".
 */
export function refusesText(schema: JsonSchema, text: string): boolean {
  const node = primary(schema);
  if (node.enum !== undefined) return !node.enum.includes(text);
  if (node.type === 'integer' || node.type === 'number') {
    const number = Number(text);
    if (text.trim() === '' || !Number.isFinite(number)) return true;
    if (node.type === 'integer' && !Number.isInteger(number)) return true;
    return (node.minimum !== undefined && number < node.minimum) || (node.maximum !== undefined && number > node.maximum);
  }
  return node.type === 'string' && !fits(node, text);
}

export function hasUtf8Form(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}
