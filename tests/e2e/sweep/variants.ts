import { bodyDefects, freeTextPaths, withValueAt } from './body-defects.js';
import type { Operation, Parameter } from './openapi.js';
import type { BodySpec, Caller, Refusal, SweepRequest } from './requests.js';
import { UNICODE_VALUES, constraintViolations, hasUtf8Form, primary, refusesText, type LabelledValue } from './schema-values.js';

/**
 * The sweep's requests for one operation, all derived from its OpenAPI description and one
 * valid baseline: the baseline itself, Class A (one defect each), injection pairs and Class B.
 */

export interface Baseline {
  /** Decoded path parameter values (real ids). */
  path: Record<string, string>;
  headers: Record<string, string>;
  body: BodySpec;
  /** Required query parameters with valid values (already encoded); each query variant replaces them. */
  query?: Array<[string, string]>;
}

/** Harmless and matching nothing: what an injected value is compared with. */
export const NEUTRAL = 'zz-no-match';

/** Valid strings that mean something to MongoDB, a regex engine or a file system. */
const INJECTIONS = ['{"$gt":""}', '{"$ne":null}', '[$ne]', '.*', '../..', "' || '1'=='1"];

const badParams = (location: 'params' | 'query' | 'headers'): Refusal => ({ status: 400, slugs: ['validation'], location });

function baseRequest(op: Operation, baseline: Baseline): SweepRequest {
  return {
    op,
    phase: 'baseline',
    label: 'valid baseline',
    path: Object.fromEntries(Object.entries(baseline.path).map(([name, value]) => [name, encodeURIComponent(value)])),
    query: baseline.query ?? [],
    headers: { ...baseline.headers },
    body: baseline.body,
    caller: 'default',
  };
}

function paramsIn(op: Operation, where: Parameter['in']): Parameter[] {
  return op.parameters.filter((parameter) => parameter.in === where);
}

function authVariants(base: SweepRequest): SweepRequest[] {
  const out: SweepRequest[] = [];
  const unauthorized: Refusal = { status: 401, slugs: ['unauthorized'] };
  const refused = (caller: Caller, label: string, expect: Refusal): SweepRequest => ({ ...base, phase: 'malformed', label, caller, expect });
  if (base.op.access === 'required') out.push(refused('anonymous', 'no token', unauthorized));
  if (base.op.access !== 'public') {
    out.push(refused('forged-token', 'a token with a forged signature', unauthorized), refused('unsigned-token', 'an unsigned token (alg none)', unauthorized));
  }
  // Internal routes take any valid token first, then only their service's.
  if (base.op.roles.length > 0 || base.op.path.startsWith('/internal/')) {
    out.push(refused('wrong-role', 'a valid token of the wrong kind of caller', { status: 403, slugs: ['forbidden'] }));
  }
  return out;
}

/** A path or query value: refused outright when its schema says so, else compared with a control. */
function injectionOrRefusal(
  base: SweepRequest,
  parameter: Parameter,
  decoded: string,
  place: (raw: string) => Partial<SweepRequest>,
  label: string,
): SweepRequest {
  if (refusesText(parameter.schema, decoded)) {
    return { ...base, ...place(encodeURIComponent(decoded)), phase: 'malformed', label, expect: badParams(parameter.in === 'path' ? 'params' : 'query') };
  }
  const control: SweepRequest = { ...base, ...place(NEUTRAL), phase: 'control', label: `${parameter.name} = ${NEUTRAL}` };
  return { ...base, ...place(encodeURIComponent(decoded)), phase: 'injection', label, pair: { control, injected: decoded, neutral: NEUTRAL } };
}

function pathVariants(base: SweepRequest): SweepRequest[] {
  const out: SweepRequest[] = [];
  for (const parameter of paramsIn(base.op, 'path')) {
    const at = (raw: string): Partial<SweepRequest> => ({ path: { ...base.path, [parameter.name]: raw } });
    // Every id schema is bounded (128 characters at most), so these are refused by validation.
    for (const length of [200, 4_000]) {
      out.push({ ...base, ...at('a'.repeat(length)), phase: 'malformed', label: `${parameter.name} of ${length} characters`, expect: badParams('params') });
    }
    for (const [label, raw] of [
      ['invalid UTF-8 percent-encoding', '%FF%FE'],
      ['truncated percent-encoding', 'ab%E0%A4%A'],
      ['a lone percent sign', '100%'],
    ] as const) {
      out.push({ ...base, ...at(raw), phase: 'malformed', label: `${parameter.name} with ${label}`, expect: { status: 400 } });
    }
    for (const text of INJECTIONS) out.push(injectionOrRefusal(base, parameter, text, at, `${parameter.name} = ${text}`));
  }
  return out;
}

function queryTextDefects(parameter: Parameter): LabelledValue[] {
  const node = primary(parameter.schema);
  const out: LabelledValue[] = [];
  if (node.type === 'integer' || node.type === 'number') {
    out.push({ label: 'not a number', value: 'ten' });
    if (node.type === 'integer') out.push({ label: 'a fraction', value: '1.5' });
    if (node.maximum !== undefined) out.push({ label: 'above the maximum', value: String(node.maximum + 1) });
    if (node.minimum !== undefined) out.push({ label: 'below the minimum', value: String(node.minimum - 1) });
  }
  out.push(...constraintViolations(parameter.schema).filter(({ value }) => typeof value === 'string'));
  return out;
}

function queryVariants(base: SweepRequest): SweepRequest[] {
  const out: SweepRequest[] = [];
  for (const parameter of paramsIn(base.op, 'query')) {
    const name = encodeURIComponent(parameter.name);
    const at = (raw: string): Partial<SweepRequest> => ({ query: [[name, raw]] });
    out.push(
      refused(base, [[`${name}[$gt]`, '']], `?${parameter.name}[$gt]=`),
      refused(base, [[`${name}[$ne]`, 'x']], `?${parameter.name}[$ne]=x`),
      refused(base, [[name, '20'], [name, '20']], `?${parameter.name} twice`),
    );
    for (const { label, value } of queryTextDefects(parameter)) {
      out.push(refused(base, [[name, encodeURIComponent(String(value))]], `?${parameter.name} ${label}`));
    }
    for (const text of INJECTIONS) out.push(injectionOrRefusal(base, parameter, text, at, `?${parameter.name}=${text}`));
  }
  if (paramsIn(base.op, 'query').length > 0) out.push(refused(base, [['zzUnknown', 'x']], '?zzUnknown=x'));
  return out;
}

function refused(base: SweepRequest, query: Array<[string, string]>, label: string): SweepRequest {
  return { ...base, query, phase: 'malformed', label, expect: badParams('query') };
}

/** Values for named headers that their schema or their route refuses. */
const HEADER_GARBAGE: Record<string, { value: string; expect: Refusal }> = {
  'if-match': { value: '"not-a-version"', expect: badParams('headers') },
  'idempotency-key': { value: 'cl\u00e9-cl\u00e9-cl\u00e9-cl\u00e9', expect: badParams('headers') },
  'stripe-signature': { value: 't=1,v1=00', expect: { status: 400 } },
};

function headerVariants(base: SweepRequest): SweepRequest[] {
  const out: SweepRequest[] = [];
  for (const parameter of paramsIn(base.op, 'header')) {
    // The bearer token is the caller's: its defects are the auth variants.
    if (parameter.name === 'authorization') continue;
    const without = Object.fromEntries(Object.entries(base.headers).filter(([name]) => name !== parameter.name));
    if (parameter.required) out.push({ ...base, headers: without, phase: 'malformed', label: `no ${parameter.name} header`, expect: badParams('headers') });
    const values = constraintViolations(parameter.schema).filter(({ value }) => typeof value === 'string' && value !== '');
    for (const { label, value } of values) {
      out.push({ ...base, headers: { ...without, [parameter.name]: String(value) }, phase: 'malformed', label: `${parameter.name} header ${label}`, expect: badParams('headers') });
    }
    const garbage = HEADER_GARBAGE[parameter.name];
    if (garbage !== undefined) {
      out.push({ ...base, headers: { ...without, [parameter.name]: garbage.value }, phase: 'malformed', label: `${parameter.name}: ${garbage.value}`, expect: garbage.expect });
    }
  }
  return out;
}

function bodyVariants(base: SweepRequest): SweepRequest[] {
  const { op } = base;
  if (op.rawBody) {
    // In the route's own media type (a webhook's JSON, a form), so the size is the one defect.
    const contentType = base.body.kind === 'raw' ? base.body.contentType : 'application/json';
    return [
      {
        ...base,
        body: { kind: 'raw', text: 'x'.repeat(1024 * 1024), contentType },
        phase: 'malformed',
        label: 'a 1 MB body',
        expect: { status: 413, slugs: ['payload-too-large'] },
      },
    ];
  }
  if (op.body === undefined || base.body.kind !== 'json') return [];
  return bodyDefects(op.body, base.body.value).map((defect) => ({ ...base, body: defect.body, phase: 'malformed', label: defect.label, expect: defect.expect }));
}

export interface OperationRequests {
  baseline: SweepRequest;
  malformed: SweepRequest[];
  injections: SweepRequest[];
  unicode: SweepRequest[];
}

export function requestsFor(op: Operation, baseline: Baseline, unicodeLimit = UNICODE_VALUES.length): OperationRequests {
  const required = op.parameters.filter((parameter) => parameter.in === 'query' && parameter.required).map((parameter) => parameter.name);
  const given = new Set((baseline.query ?? []).map(([name]) => decodeURIComponent(name)));
  const missing = required.filter((name) => !given.has(name));
  if (missing.length > 0) throw new Error(`${op.method} ${op.path}: no baseline value for the required query parameter(s) ${missing.join(', ')}`);
  const base = baseRequest(op, baseline);
  const all = [...authVariants(base), ...pathVariants(base), ...queryVariants(base), ...headerVariants(base), ...bodyVariants(base)];
  return {
    baseline: base,
    malformed: all.filter((request) => request.phase === 'malformed'),
    injections: all.filter((request) => request.phase === 'injection'),
    unicode: unicodeVariants(base, UNICODE_VALUES.slice(0, unicodeLimit)),
  };
}

function unicodeVariants(base: SweepRequest, values: LabelledValue[]): SweepRequest[] {
  const out: SweepRequest[] = [];
  const texts = values.filter(({ value }) => typeof value === 'string' && hasUtf8Form(value)) as Array<{ label: string; value: string }>;
  for (const parameter of paramsIn(base.op, 'path')) {
    for (const { label, value } of texts) {
      out.push({ ...base, path: { ...base.path, [parameter.name]: encodeURIComponent(value) }, phase: 'unicode', label: `${parameter.name}: ${label}` });
    }
  }
  for (const parameter of paramsIn(base.op, 'query')) {
    const node = primary(parameter.schema);
    if (node.type !== 'string' || node.enum !== undefined || node.pattern !== undefined || node.format !== undefined) continue;
    for (const { label, value } of texts) {
      out.push({ ...base, query: [[encodeURIComponent(parameter.name), encodeURIComponent(value)]], phase: 'unicode', label: `?${parameter.name}: ${label}` });
    }
  }
  if (base.op.body !== undefined && base.body.kind === 'json') {
    const body = base.body.value;
    for (const { path, name } of freeTextPaths(base.op.body, body)) {
      for (const { label, value } of values) {
        out.push({ ...base, body: { kind: 'json', value: withValueAt(body, path, value) }, phase: 'unicode', label: `${name}: ${label}` });
      }
    }
  }
  return out;
}
