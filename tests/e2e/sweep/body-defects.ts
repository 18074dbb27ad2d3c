import type { JsonSchema } from './openapi.js';
import type { BodySpec, Refusal } from './requests.js';
import { OPERATOR_OBJECTS, constraintViolations, primary, wrongTypeValues, type LabelledValue } from './schema-values.js';

/**
 * Malformed JSON bodies: the valid baseline body with one defect, at every node of the schema
 * (each field missing, of a wrong type, breaking a constraint, replaced by a MongoDB operator),
 * plus defects of the body as a whole (not JSON, too large, another media type, unknown keys).
 */

type Key = string | number;

export interface BodyDefect {
  label: string;
  body: BodySpec;
  expect: Refusal;
}

const ONE_MEGABYTE = 1024 * 1024;
// Deep enough to hurt a recursive walker, small enough to stay under the 100 kB body limit.
const NESTING_DEPTH = 30_000;

const invalidBody: Refusal = { status: 400, slugs: ['validation'], location: 'body' };
const notAnObject: Refusal = { status: 400, slugs: ['validation', 'malformed-json'] };

const REMOVE = Symbol('remove');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of `root` with the node at `path` replaced (or removed). */
function replaced(root: unknown, path: readonly Key[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<Key, unknown>;
  let parent: Record<Key, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<Key, unknown>;
  const last = path[path.length - 1] as Key;
  if (value === REMOVE) delete parent[last];
  else parent[last] = value;
  return copy;
}

interface SchemaNode {
  path: Key[];
  schema: JsonSchema;
}

/** Every node of the baseline body, with its schema, parents first. */
function nodesOf(schema: JsonSchema, value: unknown, path: Key[] = []): SchemaNode[] {
  const node = primary(schema);
  const found: SchemaNode[] = [{ path, schema }];
  if (node.type === 'object' && isRecord(value)) {
    for (const [key, property] of Object.entries(node.properties ?? {})) {
      if (key in value) found.push(...nodesOf(property, value[key], [...path, key]));
    }
  } else if (node.type === 'array' && Array.isArray(value) && value.length > 0 && node.items !== undefined) {
    found.push(...nodesOf(node.items, value[0], [...path, 0]));
  }
  return found;
}

function nameOf(path: readonly Key[]): string {
  return path.length === 0 ? 'body' : `body.${path.join('.')}`;
}

function json(value: unknown): BodySpec {
  return { kind: 'json', value };
}

function nodeDefects(baseline: unknown, { path, schema }: SchemaNode): BodyDefect[] {
  const node = primary(schema);
  const expect = path.length === 0 ? notAnObject : invalidBody;
  const replacements: LabelledValue[] = [...wrongTypeValues(schema), ...constraintViolations(schema), ...OPERATOR_OBJECTS];
  const defects = replacements.map(({ label, value }) => ({
    label: `${nameOf(path)} is ${label}`,
    body: json(replaced(baseline, path, value)),
    // An operator object in place of the whole body is an object with an unknown key.
    expect: path.length === 0 && isRecord(value) ? invalidBody : expect,
  }));
  if (node.type === 'object') {
    for (const key of node.required ?? []) {
      defects.push({ label: `${nameOf([...path, key])} is missing`, body: json(replaced(baseline, [...path, key], REMOVE)), expect: invalidBody });
    }
    if (node.additionalProperties === false) {
      defects.push({
        label: `${nameOf(path)} has an unknown field`,
        body: json(replaced(baseline, [...path, 'zzExtraFeld_ключ'], 'sweep')),
        expect: invalidBody,
      });
    }
  }
  return defects;
}

/** Defects of the body as a whole, independent of its schema's fields. */
function wholeBodyDefects(schema: JsonSchema, baseline: unknown): BodyDefect[] {
  const text = JSON.stringify(baseline);
  const defects: BodyDefect[] = [
    { label: 'malformed JSON', body: { kind: 'raw', text: text.slice(0, -1), contentType: 'application/json' }, expect: { status: 400, slugs: ['malformed-json'] } },
    { label: 'JSON as text/plain', body: { kind: 'raw', text, contentType: 'text/plain' }, expect: { status: 415, slugs: ['unsupported-media-type'] } },
    {
      label: 'a form instead of JSON',
      body: { kind: 'raw', text: 'title=x&%24gt=1', contentType: 'application/x-www-form-urlencoded' },
      expect: { status: 415, slugs: ['unsupported-media-type'] },
    },
  ];
  if (isRecord(baseline)) {
    const firstKey = Object.keys(baseline)[0] ?? 'field';
    const rest = text.slice(1);
    const glue = rest === '}' ? '' : ',';
    defects.push(
      {
        label: `body.${firstKey} nested ${NESTING_DEPTH} arrays deep`,
        body: { kind: 'raw', text: `{${JSON.stringify(firstKey)}:${'['.repeat(NESTING_DEPTH)}${']'.repeat(NESTING_DEPTH)}}`, contentType: 'application/json' },
        expect: notAnObject,
      },
      {
        label: 'body has a __proto__ field',
        body: { kind: 'raw', text: `{"__proto__":{"polluted":true}${glue}${rest}`, contentType: 'application/json' },
        expect: invalidBody,
      },
      {
        label: 'body has a constructor.prototype field',
        body: { kind: 'raw', text: `{"constructor":{"prototype":{"polluted":true}}${glue}${rest}`, contentType: 'application/json' },
        expect: invalidBody,
      },
    );
  }
  if ((primary(schema).required ?? []).length > 0) defects.push({ label: 'no body', body: { kind: 'none' }, expect: invalidBody });
  const firstString = nodesOf(schema, baseline).find(({ schema: node }) => primary(node).type === 'string');
  if (firstString !== undefined) {
    defects.push({
      label: `${nameOf(firstString.path)} is a 1 MB string`,
      body: json(replaced(baseline, firstString.path, 'x'.repeat(ONE_MEGABYTE))),
      expect: { status: 413, slugs: ['payload-too-large'] },
    });
  }
  return defects;
}

export function bodyDefects(schema: JsonSchema, baseline: unknown): BodyDefect[] {
  return [...wholeBodyDefects(schema, baseline), ...nodesOf(schema, baseline).flatMap((node) => nodeDefects(baseline, node))];
}

/** Free-text string fields (no enum, pattern or format): where unicode may well be accepted. */
export function freeTextPaths(schema: JsonSchema, baseline: unknown): Array<{ path: Key[]; name: string }> {
  return nodesOf(schema, baseline)
    .filter(({ schema: node }) => {
      const p = primary(node);
      return p.type === 'string' && p.enum === undefined && p.pattern === undefined && p.format === undefined;
    })
    .map(({ path }) => ({ path, name: nameOf(path) }));
}

export function withValueAt(baseline: unknown, path: readonly Key[], value: unknown): unknown {
  return replaced(baseline, path, value);
}
