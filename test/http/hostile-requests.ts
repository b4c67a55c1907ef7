import fc from 'fast-check';

/**
 * Hostile requests generated from the OpenAPI document: for each operation, values that follow its
 * schemas (so requests reach the handlers) with one thing broken — a wrong type, a missing field,
 * a huge string, a NUL, an out-of-range number or date, deep nesting — or a broken transport: a
 * wrong content type, multipart without a boundary, a body over the limit, `%ZZ` / `%00` in a path.
 */

/** The part of JSON Schema (OpenAPI 3.1) the document uses. */
export type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  prefixItems?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
};
type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: Schema };
export type OpenApiDoc = {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>
  >;
  components: { schemas: Record<string, Schema> };
};

export type Operation = { method: string; path: string; params: Parameter[]; body: Schema | undefined };

/** Every operation of the document, as the app itself publishes it (so a new endpoint is fuzzed the day it is added). */
export function operationsOf(doc: OpenApiDoc): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      params: op.parameters ?? [],
      body: op.requestBody?.content['application/json']?.schema,
    })),
  );
}

/** Real values by field or parameter name (ids, codes, versions of the seeded world), so requests go deep. */
export type Known = Record<string, readonly (string | number)[]>;

const resolve = (doc: OpenApiDoc, s: Schema): Schema =>
  s.$ref ? resolve(doc, doc.components.schemas[s.$ref.split('/').pop()!]!) : s;

const typesOf = (s: Schema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

/** Values that satisfy the schema (as far as a generator can: patterns, ranges, enums, required keys). */
export function validValue(doc: OpenApiDoc, schema: Schema, known: Known, name = '', depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  // A known value stands in only where it fits the field: of its type, and among its enum if it has one.
  const type = typesOf(s)[0];
  const own = known[name]?.filter(
    (v) =>
      (!s.enum || s.enum.includes(v)) &&
      (!type || (typeof v === 'number' ? type === 'integer' || type === 'number' : type === 'string')),
  );
  const fromSchema = schemaValue(doc, s, known, depth);
  return own?.length ? fc.oneof({ arbitrary: fc.constantFrom(...own), weight: 3 }, fromSchema) : fromSchema;
}

function schemaValue(doc: OpenApiDoc, s: Schema, known: Known, depth: number): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => validValue(doc, a, known, '', depth + 1)));
  if (s.allOf) {
    const parts = s.allOf.map((p) => resolve(doc, p));
    return objectValue(
      doc,
      {
        properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
        required: parts.flatMap((p) => p.required ?? []),
      },
      known,
      depth,
    );
  }
  const types = typesOf(s).filter((t) => t !== 'null');
  const type = types[0] ?? (s.properties ? 'object' : undefined);
  switch (type) {
    case 'string':
      return stringValue(s);
    case 'integer':
    case 'number':
      return numberValue(s, type === 'integer');
    case 'boolean':
      return fc.boolean();
    case 'array':
      if (s.prefixItems) return fc.tuple(...s.prefixItems.map((p) => validValue(doc, p, known, '', depth + 1)));
      return fc.array(s.items ? validValue(doc, s.items, known, '', depth + 1) : fc.jsonValue({ maxDepth: 1 }), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)),
      });
    case 'object':
      return objectValue(doc, s, known, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectValue(doc: OpenApiDoc, s: Schema, known: Known, depth: number): fc.Arbitrary<unknown> {
  const props = s.properties ?? {};
  if (!Object.keys(props).length && typeof s.additionalProperties === 'object')
    return fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), validValue(doc, s.additionalProperties, known), {
      maxKeys: 3,
    });
  const model = Object.fromEntries(
    Object.entries(props).map(([k, p]) => [k, depth > 6 ? fc.constant(null) : validValue(doc, p, known, k, depth + 1)]),
  );
  return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
}

function stringValue(s: Schema): fc.Arbitrary<string> {
  if (s.format === 'date-time')
    return fc
      .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (s.format === 'uri') return fc.constantFrom('https://example.org/hook', 'http://127.0.0.1:9/x');
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? 24, 24));
  if (s.pattern) {
    try {
      const re = new RegExp(s.pattern, 'u');
      return fc.stringMatching(re).filter((x) => x.length >= min && x.length <= (s.maxLength ?? Infinity));
    } catch {
      // A pattern JavaScript cannot compile: any string of the right length will do as a start.
    }
  }
  return fc.string({ minLength: min, maxLength: max, unit: 'grapheme' });
}

function numberValue(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const low = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-6) : -1000);
  const high = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-6) : 1000);
  const min = Math.max(low, -1e6);
  const max = Math.max(min, Math.min(high, 1e6));
  return integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Strings a validator or a database may choke on. */
const hostileStrings = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '%00',
  '%ZZ',
  '\uD800',
  '\u202Eabc',
  '../../etc/passwd',
  "'; DROP TABLE cases; --",
  '<script>alert(1)</script>',
  '9'.repeat(40),
  '-1',
  '1e309',
  'NaN',
  'null',
  '甲'.repeat(300),
  'x'.repeat(200_000),
];
const hostileNumbers = [-1, 0, 1.5, -0.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 53) - 2, 1e308, -1e308, 5e-324];
const hostileDates = [
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '2026-02-30T00:00:00Z',
  '2026-13-01',
  '2026-05-01T25:61:61Z',
  '1969-12-31T23:59:59Z',
  '2026-05-01',
];
/** Nesting that overflows a naive recursive walker (JSON.parse itself copes with this depth). */
const deepArray = (n: number) => JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`);
const deepObject = (n: number) => JSON.parse(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`);

const wrongTyped = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, '', 'x', [], {}, [null], { a: 1 }),
  fc.constantFrom(...hostileStrings),
  fc.constantFrom(...hostileNumbers),
  fc.constantFrom(...hostileDates),
);

/** Where in a value a mutation lands: every key path to an object field or array slot. */
function pathsIn(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [prefix];
  const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
  return [prefix, ...entries.flatMap(([k, x]) => pathsIn(x, [...prefix, k]))];
}

const remove = Symbol('remove');

function setAt(v: unknown, path: (string | number)[], next: unknown): unknown {
  if (!path.length) return next;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(v)) {
    const copy = [...v];
    if (!rest.length && next === remove) copy.splice(Number(head), 1);
    else copy[Number(head)] = setAt(copy[Number(head)], rest, next);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(v as Record<string, unknown>) };
  if (!rest.length && next === remove) delete copy[head];
  else copy[head] = setAt(copy[head], rest, next);
  return copy;
}

type Mutation = { kind: 'none' | 'remove' | 'extra' | 'empty' } | { kind: 'replace' | 'deep'; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.constant<Mutation>({ kind: 'none' }), weight: 1 },
  { arbitrary: fc.constant<Mutation>({ kind: 'remove' }), weight: 2 },
  { arbitrary: fc.constant<Mutation>({ kind: 'extra' }), weight: 1 },
  // Every field left out at once: an empty object where one (a PATCH) needs at least one.
  { arbitrary: fc.constant<Mutation>({ kind: 'empty' }), weight: 1 },
  { arbitrary: wrongTyped.map((value): Mutation => ({ kind: 'replace', value })), weight: 6 },
  {
    arbitrary: fc
      .constantFrom(deepArray(3000), deepObject(3000), deepArray(20))
      .map((value): Mutation => ({ kind: 'deep', value })),
    weight: 1,
  },
);

/** The body text of a valid value with one mutation applied at the at-th place in it. */
function mutated(value: unknown, m: Mutation, at: number): string | undefined {
  const paths = pathsIn(value);
  const path = paths[at % paths.length]!;
  switch (m.kind) {
    case 'none':
      return JSON.stringify(value);
    case 'remove':
      return path.length ? JSON.stringify(setAt(value, path, remove)) : undefined;
    case 'empty':
      return Array.isArray(value) ? '[]' : '{}';
    case 'extra': {
      // Written as text: an object literal's __proto__ would set the prototype, not a key.
      const text = JSON.stringify(value);
      return text.startsWith('{')
        ? `{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"unknownField":"x",${text.slice(1)}`.replace(
            ',}',
            '}',
          )
        : text;
    }
    case 'replace':
    case 'deep':
      return JSON.stringify(setAt(value, path, m.value));
  }
}

/** The body text of a value with one thing broken in it (a wrong type, a missing field, deep nesting…). */
export const brokenBody = (value: unknown): fc.Arbitrary<string | undefined> =>
  fc
    .tuple(
      mutation.filter((m) => m.kind !== 'none'),
      fc.nat(),
    )
    .map(([m, at]) => mutated(value, m, at));

/** Path segments that are malformed once percent-decoded, or before. */
const hostileSegments = [
  '%ZZ',
  '%00',
  'a%00b',
  '%E0%A4%A',
  '%C0%AF',
  '..%2F..%2Fetc',
  '-1',
  '0',
  '1.5',
  '1e309',
  '9'.repeat(40),
  '0x10',
  encodeURIComponent('甲'.repeat(300)),
  'x'.repeat(3000),
];

/** Query values a validator or a database may choke on, and query strings broken as a whole. */
const hostileQueryValues = [...hostileStrings, ...hostileDates, ...hostileNumbers.map(String)];
const hostileQueryStrings = ['page=1&page=2', 'x=%ZZ', 'q=%00', '%ZZ=1', `q=${'y'.repeat(10_000)}`, 'a[b][c]=1'];

/** Content types the API does not take for a body (and `oversize`: JSON over the 1 MiB limit). */
const hostileTransports = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'application/json; charset=utf-16',
  'application/xml',
  '',
  'oversize',
];

const rawBodies = [
  '{',
  '{"a":',
  '[1,2',
  'null',
  '"x"',
  '\u0000',
  '',
  '{"__proto__":{"x":1}}',
  `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
  'a=1&b=%ZZ',
];

/** Percent-encodes for a query; a lone surrogate (which encodeURIComponent refuses) goes as its raw UTF-8 bytes. */
const queryEncode = (v: string) => {
  try {
    return encodeURIComponent(v);
  } catch {
    return '%ED%A0%80';
  }
};

export type HostileRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
  as: string;
  /** What was broken, for the failure message. */
  what: string;
};

/** What one request breaks; everything else about it follows the operation's schemas. */
type Breakage =
  | { where: 'nothing' }
  | { where: 'path'; index: number; value: string }
  | { where: 'query'; index: number; value: string }
  | { where: 'query string'; value: string }
  | { where: 'header'; index: number; value: string }
  | { where: 'body'; mutation: Mutation; at: number }
  | { where: 'raw body'; value: string }
  | { where: 'transport'; value: string };

function breakages(op: Operation): fc.Arbitrary<Breakage> {
  const count = (where: Parameter['in']) => op.params.filter((p) => p.in === where).length;
  const options: fc.WeightedArbitrary<Breakage>[] = [
    { arbitrary: fc.constant<Breakage>({ where: 'nothing' }), weight: 2 },
    {
      arbitrary: fc.constantFrom(...hostileQueryStrings).map((value): Breakage => ({ where: 'query string', value })),
      weight: 1,
    },
    { arbitrary: fc.constantFrom(...rawBodies).map((value): Breakage => ({ where: 'raw body', value })), weight: 1 },
    {
      arbitrary: fc.constantFrom(...hostileTransports).map((value): Breakage => ({ where: 'transport', value })),
      weight: 2,
    },
  ];
  const param = (where: 'path' | 'query' | 'header', values: fc.Arbitrary<string>, weight: number) =>
    count(where) &&
    options.push({
      arbitrary: fc
        .tuple(fc.nat({ max: count(where) - 1 }), values)
        .map(([index, value]): Breakage => ({ where, index, value })),
      weight,
    });
  param('path', fc.constantFrom(...hostileSegments), 3);
  param('query', fc.constantFrom(...hostileQueryValues), 3);
  param('header', fc.oneof(fc.constantFrom(...hostileStrings.filter((x) => /^[\x20-\x7e]*$/.test(x))), fc.string()), 1);
  if (op.body)
    options.push({
      arbitrary: fc.tuple(mutation, fc.nat()).map(([m, at]): Breakage => ({ where: 'body', mutation: m, at })),
      weight: 8,
    });
  return fc.oneof(...options);
}

/** Real values for a path parameter: by resource first (`regions.code`, `cases.id`), then by name. */
function knownFor(path: string, name: string, known: Known) {
  const segments = path.split('/');
  const resource = segments[segments.indexOf(`{${name}}`) - 1];
  return known[`${resource}.${name}`] ?? known[name];
}

/**
 * One request to an operation, as one of the roles, with one thing broken (or, now and then,
 * nothing); `nothing` gives valid requests only (to find which roles an operation admits).
 */
export function hostileRequest(
  doc: OpenApiDoc,
  op: Operation,
  known: Known,
  roles: readonly string[],
  broken: 'one thing' | 'nothing' = 'one thing',
) {
  const params = (where: Parameter['in']) => op.params.filter((p) => p.in === where);
  const valid = (p: Parameter) => validValue(doc, p.schema, known, p.name).map(String);
  return fc
    .record({
      path: fc.tuple(
        ...params('path').map((p) => {
          const own = knownFor(op.path, p.name, known);
          return own?.length ? fc.constantFrom(...own.map(String)) : valid(p);
        }),
      ),
      query: fc.tuple(...params('query').map((p) => fc.option(valid(p), { nil: undefined, freq: 2 }))),
      headers: fc.tuple(...params('header').map((p) => valid(p))),
      body: op.body ? validValue(doc, op.body, known) : fc.constant(undefined),
      broken: broken === 'nothing' ? fc.constant<Breakage>({ where: 'nothing' }) : breakages(op),
      as: fc.constantFrom(...roles),
    })
    .map((r): HostileRequest => {
      const b = r.broken;
      const pathValues = r.path.map((v, i) => (b.where === 'path' && b.index === i ? b.value : encodeURIComponent(v)));
      const queryValues = r.query.map((v, i) => (b.where === 'query' && b.index === i ? b.value : v));
      let i = 0;
      const path = op.path.replace(/\{[^}]+\}/g, () => pathValues[i++]!);
      const qs = params('query')
        .map((p, j) => (queryValues[j] === undefined ? '' : `${p.name}=${queryEncode(queryValues[j]!)}`))
        .concat(b.where === 'query string' ? b.value : '')
        .filter(Boolean)
        .join('&');
      const headers: Record<string, string> = {};
      params('header').forEach((p, j) => {
        const v = b.where === 'header' && b.index === j ? b.value : r.headers[j]!;
        // Header values must be Latin-1; anything else is the HTTP client's error, not the server's.
        if (/^[\x20-\x7e]*$/.test(v)) headers[p.name] = v;
      });
      let body =
        b.where === 'raw body'
          ? b.value
          : b.where === 'body'
            ? mutated(r.body, b.mutation, b.at)
            : op.body
              ? JSON.stringify(r.body)
              : undefined;
      let type = 'application/json';
      if (b.where === 'transport' && b.value === 'oversize')
        body = JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 1) });
      else if (b.where === 'transport') type = b.value;
      if (op.method === 'GET') body = undefined;
      if (op.method !== 'GET') headers['content-type'] = type;
      const what =
        b.where === 'body'
          ? `body: ${b.mutation.kind}`
          : b.where === 'nothing'
            ? 'nothing'
            : `${b.where}: ${'value' in b ? b.value.slice(0, 40) : ''}`;
      return { method: op.method, path: qs ? `${path}?${qs}` : path, headers, body, as: r.as, what };
    });
}

/**
 * Open311 GeoReport v2 is not in the OpenAPI document: its fields come from the spec
 * (https://wiki.open311.org/GeoReport_v2), per route of the app under /open311/v2.
 */
const open311Fields: Record<string, { query: string[]; form: string[]; file?: string[] }> = {
  'GET /open311/v2/services.json': { query: ['api_key', 'jurisdiction_id'], form: [] },
  'GET /open311/v2/services.xml': { query: ['api_key', 'jurisdiction_id'], form: [] },
  'GET /open311/v2/services/:file': { query: ['api_key', 'jurisdiction_id'], form: [], file: ['service_code'] },
  'GET /open311/v2/requests.json': {
    query: ['service_request_id', 'service_code', 'start_date', 'end_date', 'status', 'jurisdiction_id', 'api_key'],
    form: [],
  },
  'GET /open311/v2/requests.xml': {
    query: ['service_request_id', 'service_code', 'start_date', 'end_date', 'status', 'jurisdiction_id', 'api_key'],
    form: [],
  },
  'GET /open311/v2/requests/:file': { query: ['api_key', 'jurisdiction_id'], form: [], file: ['service_request_id'] },
  'GET /open311/v2/tokens/:file': { query: ['api_key', 'jurisdiction_id'], form: [], file: ['token'] },
};
const open311Post = [
  'api_key',
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
  'attribute[kind]',
];
open311Fields['POST /open311/v2/requests.json'] = { query: ['jurisdiction_id'], form: open311Post };
open311Fields['POST /open311/v2/requests.xml'] = { query: ['jurisdiction_id'], form: open311Post };

/** The Open311 routes the generator knows; a route the app gains without an entry here fails the test. */
export const open311Routes = Object.keys(open311Fields);

/** A request to an Open311 route with one thing broken, in the spec's form encoding. */
export function hostileOpen311Request(route: string, known: Known): fc.Arbitrary<HostileRequest> {
  const spec = open311Fields[route]!;
  const [method, template] = route.split(' ') as [string, string];
  const value = (name: string) =>
    known[name]?.length ? fc.constantFrom(...known[name]!.map(String)) : fc.string({ maxLength: 12 });
  const fields = (names: string[]) => fc.tuple(...names.map((n) => fc.option(value(n), { nil: undefined, freq: 2 })));
  const hostile = fc.constantFrom(...hostileQueryValues);
  return fc
    .record({
      query: fields(spec.query),
      form: fields(spec.form),
      file: spec.file ? value(spec.file[0]!) : fc.constant(''),
      format: fc.constantFrom('json', 'xml'),
      broken: fc.oneof(
        fc.constant({ where: 'nothing', index: 0, value: '' }),
        fc.record({ where: fc.constant('query'), index: fc.nat(), value: hostile }),
        fc.record({ where: fc.constant('form'), index: fc.nat(), value: hostile }),
        fc.record({ where: fc.constant('file'), index: fc.constant(0), value: fc.constantFrom(...hostileSegments) }),
        fc.record({
          where: fc.constant('query string'),
          index: fc.constant(0),
          value: fc.constantFrom(...hostileQueryStrings),
        }),
        fc.record({
          where: fc.constant('transport'),
          index: fc.constant(0),
          value: fc.constantFrom(...hostileTransports, 'application/json'),
        }),
      ),
    })
    .map((r): HostileRequest => {
      const b = r.broken;
      const pairs = (names: string[], values: (string | undefined)[], where: string) =>
        names
          .map((n, i) => [n, b.where === where && b.index % names.length === i ? b.value : values[i]] as const)
          .filter(([, v]) => v !== undefined)
          .map(([n, v]) => `${encodeURIComponent(n)}=${queryEncode(v!)}`);
      const file = b.where === 'file' ? b.value : encodeURIComponent(r.file);
      const path = template.replace(':file', `${file}.${r.format}`);
      const qs = [...pairs(spec.query, r.query, 'query'), b.where === 'query string' ? b.value : '']
        .filter(Boolean)
        .join('&');
      const headers: Record<string, string> = {};
      let body: string | undefined;
      if (method === 'POST') {
        body = pairs(spec.form, r.form, 'form').join('&');
        headers['content-type'] = 'application/x-www-form-urlencoded';
        if (b.where === 'transport' && b.value === 'oversize') body = `description=${'x'.repeat(300 * 1024)}`;
        else if (b.where === 'transport') headers['content-type'] = b.value;
      }
      return {
        method,
        path: qs ? `${path}?${qs}` : path,
        headers,
        body,
        as: 'anonymous',
        what: b.where === 'nothing' ? 'nothing' : `${b.where}: ${b.value.slice(0, 40)}`,
      };
    });
}
