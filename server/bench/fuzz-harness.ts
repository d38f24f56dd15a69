// The fuzzing harness shared by server/test/fuzz.spec.ts (200 runs a route in `npm test`)
// and bench/fuzz-bench.ts (1,000 runs a route): every route of the running app is
// discovered from the Express router, its body and query DTOs are read from Nest's
// and class-validator's metadata, and fast-check sends arbitrary JSON bodies, query
// strings and path ids as the owner of a real project. Properties: never a 5xx, never
// a stack trace or a server path in the body, and a 4xx changes no rows.
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';
import { Client } from 'pg';

// Nest's metadata keys (@nestjs/common/constants) and RouteParamtypes (BODY = 3, QUERY = 4).
const PATH_METADATA = 'path';
const METHOD_METADATA = 'method';
const ROUTE_ARGS_METADATA = '__routeArguments__';
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

export const MISSING_ID = '00000000-0000-4000-8000-000000000000';

export interface FuzzRoute {
  method: string;
  /** Express pattern, e.g. /api/projects/:projectId/stages/:stageId */
  path: string;
  params: string[];
  bodyFields: FieldInfo[];
  queryFields: FieldInfo[];
}

interface FieldInfo {
  name: string;
  /** Values named by the field's validators (IsIn, IsEnum, Min/Max…), to get past the first check now and then. */
  hints: unknown[];
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

type Constructor = new (...args: never[]) => unknown;

function joinPath(...parts: string[]): string {
  return ('/' + parts.map((part) => part.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')).replace(/\/+/g, '/');
}

/** The DTO fields class-validator knows for a class (inherited ones too), with hint values from their constraints. */
function fieldsOf(target: unknown): FieldInfo[] {
  if (typeof target !== 'function' || [String, Number, Boolean, Object, Array].includes(target as never)) return [];
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(target as Constructor, '', true, false);
  const fields = new Map<string, unknown[]>();
  for (const metadata of metadatas) {
    const hints = fields.get(metadata.propertyName) ?? [];
    for (const constraint of metadata.constraints ?? []) {
      if (Array.isArray(constraint)) hints.push(...constraint.filter((value) => ['string', 'number', 'boolean'].includes(typeof value)));
      else if (typeof constraint === 'number') hints.push(constraint, constraint + 1, constraint - 1);
      else if (constraint && typeof constraint === 'object') hints.push(...Object.values(constraint).filter((value) => ['string', 'number'].includes(typeof value)));
    }
    fields.set(metadata.propertyName, hints);
  }
  return [...fields].map(([name, hints]) => ({ name, hints: [...new Set(hints)].slice(0, 20) }));
}

/** "METHOD /api/path" → the body and query DTO classes of the handler, from Nest's controller metadata. */
function handlerDtos(app: INestApplication, prefix: string): Map<string, { body: unknown[]; query: unknown[] }> {
  const result = new Map<string, { body: unknown[]; query: unknown[] }>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Constructor | null;
      if (!controller?.prototype) continue;
      const controllerPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '/');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as number | undefined;
        if (method === undefined) continue;
        const methodPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, handler) ?? '/');
        const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? []) as unknown[];
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { index: number }>;
        const dtos = { body: [] as unknown[], query: [] as unknown[] };
        for (const [key, arg] of Object.entries(args)) {
          const kind = Number(key.split(':')[0]);
          if (kind === 3) dtos.body.push(types[arg.index]);
          if (kind === 4) dtos.query.push(types[arg.index]);
        }
        for (const controllerPath of controllerPaths) {
          for (const methodPath of methodPaths) result.set(`${METHODS[method] ?? method} ${joinPath(prefix, controllerPath, methodPath)}`, dtos);
        }
      }
    }
  }
  return result;
}

/** Every API route of the app (as authorization-matrix.spec.ts finds them), with the fields its DTOs declare. */
export function discoverFuzzRoutes(app: INestApplication, prefix = 'api'): FuzzRoute[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  const dtos = handlerDtos(app, prefix);
  const routes: FuzzRoute[] = [];
  for (const layer of express.router.stack) {
    if (!layer.route || !layer.route.path.startsWith(`/${prefix}/`) || layer.route.path.startsWith(`/${prefix}/docs`)) continue;
    for (const method of Object.keys(layer.route.methods).filter((name) => name !== '_all')) {
      const path = layer.route.path;
      const found = dtos.get(`${method.toUpperCase()} ${path}`) ?? { body: [], query: [] };
      routes.push({
        method: method.toUpperCase(),
        path,
        params: [...path.matchAll(/:(\w+)/g)].map((match) => match[1]),
        bodyFields: found.body.flatMap(fieldsOf),
        queryFields: found.query.flatMap(fieldsOf),
      });
    }
  }
  return routes;
}

// ---------------------------------------------------------------- arbitraries

function nested(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { a: value };
  return value;
}

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\uffff',
  '𝕿𝖗𝖔𝖕𝖆 👩‍👩‍👧‍👦',
  'Привет, мир',
  "'; DROP TABLE projects; --",
  '" OR 1=1 --',
  '<script>window.__x=1</script>',
  '../../../../etc/passwd',
  '%00',
  '%',
  '\\',
  '${7*7}',
  '{{7*7}}',
  'NaN',
  '-1',
  '1e309',
  '2024-02-30T25:61:00Z',
  'null',
  'true',
  '__proto__',
  'constructor',
  '\r\n\t',
  '=HYPERLINK("x")',
];

/** Any JSON value a client could send: wrong types, nulls, unicode, huge strings, deep nesting, big arrays. */
export function anyValue(ids: string[], hints: unknown[] = []): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    fc.constantFrom(...NASTY_STRINGS),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ maxLength: 20 }),
    fc.integer(),
    fc.double(),
    fc.constantFrom(0, -1, 1, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e300, -0, 0.5),
    fc.boolean(),
    fc.constant(null),
    fc.uuid(),
    ids.length ? fc.constantFrom(...ids) : fc.constant(MISSING_ID),
    hints.length ? fc.constantFrom(...hints) : fc.constant(MISSING_ID),
  );
  return fc.oneof(
    { arbitrary: leaf, weight: 8 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
    { arbitrary: fc.array(leaf, { maxLength: 6 }), weight: 2 },
    { arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), leaf, { maxKeys: 4 }), weight: 1 },
    { arbitrary: fc.tuple(fc.integer({ min: 1000, max: 400_000 }), fc.constantFrom('x', 'я', '😀', '\u0000')).map(([n, ch]) => ch.repeat(n)), weight: 1 },
    { arbitrary: fc.tuple(fc.integer({ min: 20, max: 3000 }), leaf, fc.boolean()).map(([depth, value, asArray]) => nested(depth, value, asArray)), weight: 1 },
    { arbitrary: fc.tuple(fc.integer({ min: 100, max: 20_000 }), leaf).map(([n, value]) => Array.from({ length: n }, () => value)), weight: 1 },
  );
}

function objectOf(fields: FieldInfo[], ids: string[], pool: string[]): fc.Arbitrary<Record<string, unknown>> {
  const known = fields.length
    ? fc.subarray(fields).chain((chosen) => fc.tuple(...chosen.map((field) => anyValue(ids, field.hints).map((value) => [field.name, value] as const))))
    : fc.constant([] as Array<readonly [string, unknown]>);
  const extra = fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...pool, '__proto__', 'constructor', 'id', 'projectId')), anyValue(ids)), { maxLength: 3 });
  return fc.tuple(known, extra, fc.boolean()).map(([knownPairs, extraPairs, withExtra]) => {
    const object: Record<string, unknown> = {};
    for (const [key, value] of withExtra ? [...knownPairs, ...extraPairs] : knownPairs) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    return object;
  });
}

export interface FuzzBody {
  contentType: string;
  text: string;
}

function bodyArbitrary(route: FuzzRoute, ids: string[], pool: string[]): fc.Arbitrary<FuzzBody | null> {
  const json = (value: unknown): FuzzBody => ({ contentType: 'application/json', text: JSON.stringify(value) ?? 'null' });
  return fc.oneof(
    { arbitrary: objectOf(route.bodyFields, ids, pool).map(json), weight: 10 },
    { arbitrary: anyValue(ids).map(json), weight: 2 },
    { arbitrary: fc.constant(null), weight: 1 },
    {
      arbitrary: fc.tuple(fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x'), fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('{', '{"a":', '[1,]', '{"a":1}{', 'a=1&b[c]=2', '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nx\r\n--x--'))).map(([contentType, text]) => ({ contentType, text })),
      weight: 1,
    },
  );
}

function queryArbitrary(route: FuzzRoute, ids: string[], pool: string[]): fc.Arbitrary<string> {
  const key = fc.oneof({ arbitrary: fc.constantFrom(...(route.queryFields.length ? route.queryFields.map((field) => field.name) : pool)), weight: 4 }, { arbitrary: fc.string({ maxLength: 10 }), weight: 1 });
  const hints = route.queryFields.flatMap((field) => field.hints.map(String));
  const value = fc.oneof(
    fc.constantFrom(...NASTY_STRINGS),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.integer().map(String),
    fc.constantFrom('0', '-1', '1', '99999999999999999999', '1.5', 'true', 'false', '', MISSING_ID, ...ids, ...hints),
    fc.integer({ min: 1000, max: 20_000 }).map((n) => 'q'.repeat(n)),
  );
  const pair = fc.tuple(key, fc.constantFrom('', '[]', '[a]', '[0]'), value).map(([name, suffix, text]) => `${encode(name)}${suffix}=${encode(text)}`);
  return fc.oneof(
    { arbitrary: fc.array(pair, { maxLength: 5 }).map((pairs) => pairs.join('&')), weight: 6 },
    { arbitrary: fc.constantFrom('%', '%E0%A4%A', 'a=%ZZ', '&&&', '=', 'sort=%00'), weight: 1 },
  );
}

function idArbitrary(real: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: real.length ? fc.constantFrom(...real) : fc.constant(MISSING_ID), weight: 14 },
    { arbitrary: fc.constantFrom(MISSING_ID, '0', '-1', '1', 'null', 'undefined', ' ', '..', 'ffffffff-ffff-ffff-ffff-ffffffffffff').map(encode), weight: 2 },
    { arbitrary: fc.uuid().map(encode), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map(encode), weight: 2 },
    { arbitrary: fc.integer({ min: 300, max: 5000 }).map((n) => 'i'.repeat(n)), weight: 1 },
    { arbitrary: fc.constantFrom('%', '%E0%A4%A', '%00', '%2F..%2F'), weight: 1 },
  );
}

/** Percent-encodes any string, lone surrogates too (as the UTF-8 a client would send: U+FFFD). */
function encode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) out += /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

export interface FuzzRequest {
  path: string;
  query: string;
  body: FuzzBody | null;
}

export function requestArbitrary(route: FuzzRoute, realIds: Record<string, string[]>, pool: string[]): fc.Arbitrary<FuzzRequest> {
  const allIds = [...new Set(Object.values(realIds).flat())];
  const params = fc.tuple(...route.params.map((param) => idArbitrary(realIds[param] ?? [])));
  const takesBody = !['GET', 'DELETE'].includes(route.method);
  return fc.record({
    params,
    query: fc.oneof({ arbitrary: fc.constant(''), weight: takesBody ? 3 : 1 }, { arbitrary: queryArbitrary(route, allIds, pool), weight: 2 }),
    body: takesBody ? bodyArbitrary(route, allIds, pool) : fc.constant(null),
  }).map(({ params: values, query, body }) => {
    let index = 0;
    const path = route.path.replace(/:(\w+)/g, () => values[index++]);
    return { path, query, body };
  });
}

// ---------------------------------------------------------------- HTTP client

/** A browser-like client on fetch (keep-alive): the session cookie, and the XSRF cookie echoed in a header. */
export class FuzzClient {
  private cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  private remember(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair.split('=');
      if (/expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value.join('='));
    }
  }

  async send(method: string, path: string, body?: FuzzBody | null): Promise<{ status: number; text: string }> {
    if (!this.cookies.has('XSRF-TOKEN')) this.remember(await fetch(`${this.base}/api/auth/csrf`));
    const headers: Record<string, string> = {
      cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      'x-xsrf-token': decodeURIComponent(this.cookies.get('XSRF-TOKEN') ?? ''),
    };
    if (body) headers['content-type'] = body.contentType;
    const response = await fetch(`${this.base}${path}`, { method, headers, body: body?.text, redirect: 'manual' });
    this.remember(response);
    return { status: response.status, text: await response.text() };
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body === undefined ? null : { contentType: 'application/json', text: JSON.stringify(body) });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${response.text.slice(0, 300)}`);
    return (response.text ? JSON.parse(response.text) : undefined) as T;
  }

  async upload<T>(path: string, fileName: string, content: string, type: string): Promise<T> {
    if (!this.cookies.has('XSRF-TOKEN')) this.remember(await fetch(`${this.base}/api/auth/csrf`));
    const form = new FormData();
    form.append('file', new Blob([content], { type }), fileName);
    const response = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '), 'x-xsrf-token': decodeURIComponent(this.cookies.get('XSRF-TOKEN') ?? '') },
      body: form,
    });
    this.remember(response);
    const text = await response.text();
    if (response.status >= 300) throw new Error(`upload ${path}: ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }
}

// ---------------------------------------------------------------- fixtures

export interface FuzzWorld {
  owner: FuzzClient;
  email: string;
  password: string;
  ownerId: string;
  /** Real ids per path parameter name. */
  ids: Record<string, string[]>;
  /** The project DELETE /api/projects/:projectId may delete (not the one everything else runs on). */
  throwawayProjectId: string;
}

/** An owner with one real project holding one of each entity the routes take by id. */
export async function buildWorld(base: string): Promise<FuzzWorld> {
  const owner = new FuzzClient(base);
  const email = 'fuzz-owner@example.test';
  const password = 'fuzz password 1';
  const me = await owner.json<{ id: string }>('POST', '/api/auth/register', { email, password, displayName: 'Fuzz' });
  const project = await owner.json<{ id: string }>('POST', '/api/projects', { name: 'Fuzz', language: 'ru', stageTemplate: 'seven' });
  const throwaway = await owner.json<{ id: string }>('POST', '/api/projects', { name: 'Fuzz throwaway', language: 'en', stageTemplate: 'four' });
  const p = `/api/projects/${project.id}`;
  const ids: Record<string, string[]> = { projectId: [project.id] };
  const add = (param: string, id: string | undefined) => {
    if (id) (ids[param] ??= []).push(id);
  };
  const tryId = async (param: string, method: string, path: string, body?: unknown, pick: (value: never) => string | undefined = (value: { id?: string }) => value?.id) => {
    try {
      add(param, pick((await owner.json(method, path, body)) as never));
    } catch {
      // An entity that cannot be made here is fuzzed with made-up ids only.
    }
  };

  const stages = await owner.json<{ items?: Array<{ id: string }> } | Array<{ id: string }>>('GET', `${p}/stages`);
  for (const stage of (Array.isArray(stages) ? stages : (stages.items ?? [])).slice(0, 2)) add('stageId', stage.id);
  await tryId('personaId', 'POST', `${p}/personas`, { name: 'Покупательница', attributes: { канал: 'Instagram' } });
  await tryId('touchpointId', 'POST', `${p}/touchpoints`, { name: 'Сайт', channel: 'website', online: true });
  const definition = {
    pages: [
      {
        name: 'p1',
        elements: [
          { type: 'comment', name: 'job', title: 'Что вы хотели сделать?', isRequired: true },
          { type: 'radiogroup', name: 'channel', choices: ['Сайт', 'Приложение'] },
          { type: 'checkbox', name: 'used', choices: ['Доставка', 'Чат'] },
          { type: 'rating', name: 'nps', rateMin: 0, rateMax: 10 },
          { type: 'boolean', name: 'again' },
        ],
      },
    ],
  };
  const survey = await owner.json<{ id: string }>('POST', `${p}/surveys`, { title: 'Опрос', definition });
  add('surveyId', survey.id);
  const opened = await owner.json<{ publicToken: string }>('PATCH', `${p}/surveys/${survey.id}`, { status: 'open' });
  add('token', opened.publicToken);
  await owner.json('POST', `/api/public/surveys/${opened.publicToken}/responses`, { respondentKey: 'fuzz-respondent-1', answers: { job: 'Хотела заказать крем', nps: 9 } });
  await tryId('responseId', 'GET', `${p}/surveys/${survey.id}/responses`, undefined, (page: { items?: Array<{ id: string }> }) => page?.items?.[0]?.id);
  try {
    const csv = 'Отметка времени,Что вы хотели сделать?\n12.03.2024 10:15:00,Найти тушь\n';
    add('importId', (await owner.upload<{ id: string }>(`${p}/surveys/${survey.id}/imports`, 'answers.csv', csv, 'text/csv')).id);
  } catch {
    // fuzzed with made-up ids only
  }
  const session = await owner.json<{ id: string }>('POST', `${p}/sessions`, { kind: 'interview', title: 'Интервью' });
  add('sessionId', session.id);
  await tryId('participantId', 'POST', `${p}/sessions/${session.id}/participants`, { pseudonym: 'У1' });
  await tryId('tagId', 'POST', `${p}/tags`, { kind: 'pain', name: 'Доставка' });
  await tryId('tagId', 'POST', `${p}/tags`, { kind: 'job', name: 'Подарок' });
  // A second member, so that member routes have a real user id that is not the owner's own.
  await tryId('userId', 'POST', `${p}/members`, { email: 'fuzz-member@example.test', role: 'researcher', password, displayName: 'Member' }, (value: { member?: { userId: string } }) => value?.member?.userId);
  try {
    const invited = await owner.json<{ invitation?: { id: string; token?: string } }>('POST', `${p}/members`, { email: 'fuzz-invitee@example.test', role: 'moderator' });
    add('invitationId', invited.invitation?.id);
    add('token', invited.invitation?.token);
  } catch {
    // fuzzed with made-up ids only
  }
  await tryId('runId', 'POST', `${p}/synthesis/runs`, {});
  await tryId('jobId', 'GET', `${p}/synthesis/runs`, undefined, (page: { items?: Array<{ jobId?: string }> }) => page?.items?.[0]?.jobId);
  await tryId('recommendationId', 'POST', `${p}/map/recommendations`, { text: 'Ускорить доставку' });
  if (ids['stageId']) {
    await tryId('noteId', 'POST', `${p}/map/notes`, { stageId: ids['stageId'][0], lane: 'pains', text: 'Заметка' });
    await tryId('metricId', 'PUT', `${p}/metrics`, { stageId: ids['stageId'][0], name: 'Конверсия', value: 0.5 });
  }
  await tryId('versionId', 'POST', `${p}/map/versions`, { name: 'v1' });
  add('userId', me.id);
  return { owner, email, password, ownerId: me.id, ids, throwawayProjectId: throwaway.id };
}

// ---------------------------------------------------------------- properties

/**
 * Every row inserted, updated or deleted in the public schema, logged by a row-level
 * trigger into fuzz_audit.changes (its own schema, never counted). The trigger runs in
 * the writer's transaction, so a rolled-back write leaves no entry: the log holds only
 * committed changes, and one indexed max(id) tells whether a request changed anything.
 */
export class ChangeLog {
  constructor(private readonly client: Client) {}

  async install(): Promise<void> {
    await this.client.query(`
      CREATE SCHEMA IF NOT EXISTS fuzz_audit;
      CREATE TABLE IF NOT EXISTS fuzz_audit.changes (id bigserial PRIMARY KEY, table_name text NOT NULL, operation text NOT NULL);
      CREATE OR REPLACE FUNCTION fuzz_audit.log_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO fuzz_audit.changes (table_name, operation) VALUES (TG_TABLE_NAME, TG_OP);
        RETURN NULL;
      END $$;`);
    const tables = (await this.client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`)).rows.map((row) => row.name);
    for (const table of tables) {
      const operations = UPDATE_TOUCHED_TABLES.includes(table) ? 'INSERT OR DELETE' : 'INSERT OR UPDATE OR DELETE';
      await this.client.query(`CREATE OR REPLACE TRIGGER fuzz_audit_changes AFTER ${operations} ON public."${table}" FOR EACH ROW EXECUTE FUNCTION fuzz_audit.log_change()`);
    }
  }

  async mark(): Promise<number> {
    return Number((await this.client.query<{ id: string }>(`SELECT coalesce(max(id), 0) AS id FROM fuzz_audit.changes`)).rows[0].id);
  }

  /** "table OPERATION ×n" for the changes logged after `mark`. */
  async since(mark: number): Promise<string[]> {
    const rows = await this.client.query<{ table_name: string; operation: string; n: number }>(
      `SELECT table_name, operation, count(*)::int AS n FROM fuzz_audit.changes WHERE id > $1 GROUP BY 1, 2 ORDER BY 1, 2`,
      [mark],
    );
    return rows.rows.map((row) => `${row.table_name} ${row.operation} ×${row.n}`);
  }
}

/** Writes a refusal makes on purpose: a failed login is recorded in the audit log. */
const AUDITED_FAILURES: Record<string, string[]> = { 'POST /api/auth/login': ['audit_log'] };

/** Tables every authenticated request may touch (the session's last use): their updates are not data changes. */
const UPDATE_TOUCHED_TABLES = ['user_sessions', 'sessions_auth', 'auth_sessions'];

const LEAKS: Array<[string, RegExp]> = [
  ['stack frame', /\bat (?:async )?\S+ \([^)]*:\d+:\d+\)|\n\s+at \S/],
  ['/src/', /\/src\//],
  ['node_modules', /node_modules/],
  ['/dist/', /\/dist\/server/],
];

export interface FuzzFailure {
  route: string;
  status: number;
  reason: string;
  request: string;
  response: string;
}

export interface RouteResult {
  route: string;
  runs: number;
  statuses: Record<string, number>;
  failure?: FuzzFailure;
}

export interface FuzzOptions {
  runs: number;
  seed: number;
  changes: ChangeLog;
  log?: (line: string) => void;
}

function routeKey(route: FuzzRoute): string {
  return `${route.method} ${route.path}`;
}

/** Deletes last, the project deletion at the very end, so that the other routes run on live data. */
export function fuzzOrder(routes: FuzzRoute[]): FuzzRoute[] {
  const rank = (route: FuzzRoute) => (route.method !== 'DELETE' ? 0 : route.path === '/api/projects/:projectId' ? 2 : 1);
  return [...routes].sort((a, b) => rank(a) - rank(b));
}

/**
 * Fuzzes each route in turn (one request at a time). A 2xx may change data (re-counted
 * then); a 4xx must not. A session-changing 2xx on an auth route logs the owner back in.
 */
export async function fuzzRoutes(world: FuzzWorld, routes: FuzzRoute[], options: FuzzOptions): Promise<RouteResult[]> {
  const pool = [...new Set(routes.flatMap((route) => [...route.bodyFields, ...route.queryFields].map((field) => field.name)))];
  const results: RouteResult[] = [];
  let mark = await options.changes.mark();
  for (const route of fuzzOrder(routes)) {
    const key = routeKey(route);
    const realIds = { ...world.ids };
    // Never the owner's own membership or the project everything runs on: those would end the run, not test it.
    if (route.path.includes('/members/:userId')) realIds['userId'] = (world.ids['userId'] ?? []).filter((id) => id !== world.ownerId);
    if (route.method === 'DELETE' && route.path === '/api/projects/:projectId') realIds['projectId'] = [world.throwawayProjectId];
    const statuses: Record<string, number> = {};
    let failure: FuzzFailure | undefined;
    const property = fc.asyncProperty(requestArbitrary(route, realIds, pool), async (input) => {
      const url = input.query ? `${input.path}?${input.query}` : input.path;
      const response = await world.owner.send(route.method, url, input.body);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      const requestText = `${route.method} ${url} ${input.body ? `${input.body.contentType} ${input.body.text}` : ''}`;
      const fail = (reason: string) => {
        failure = { route: key, status: response.status, reason, request: requestText.slice(0, 600), response: response.text.slice(0, 600) };
        return false;
      };
      if (response.status >= 500) return fail(`answered ${response.status}`);
      for (const [name, pattern] of LEAKS) {
        if (pattern.test(response.text) && !pattern.test(requestText)) return fail(`body shows a ${name}`);
      }
      if (response.status < 400) {
        if (key === 'PATCH /api/auth/me') world.email = (JSON.parse(response.text) as { email?: string }).email ?? world.email;
        if (key.startsWith('POST /api/auth/') || key.startsWith('POST /api/invitations/') || key === 'PATCH /api/auth/me') {
          await world.owner.json('POST', '/api/auth/login', { email: world.email, password: world.password }).catch(() => undefined);
        }
        mark = await options.changes.mark();
        return true;
      }
      const latest = await options.changes.mark();
      if (latest === mark) return true;
      const changed = (await options.changes.since(mark)).filter((change) => !(AUDITED_FAILURES[key] ?? []).includes(change.split(' ')[0]));
      mark = latest;
      return changed.length ? fail(`a ${response.status} changed rows: ${changed.join(', ')}`) : true;
    });
    const started = Date.now();
    const details = await fc.check(property, { numRuns: options.runs, seed: options.seed, endOnFailure: true });
    const result: RouteResult = { route: key, runs: details.numRuns, statuses, failure: details.failed ? failure : undefined };
    if (details.failed && !failure) result.failure = { route: key, status: 0, reason: String(details.errorInstance ?? 'property failed'), request: '', response: '' };
    results.push(result);
    options.log?.(`${key}: ${details.numRuns} runs in ${Date.now() - started} ms ${JSON.stringify(statuses)}${result.failure ? ` FAILED: ${result.failure.reason}` : ''}`);
  }
  return results;
}

export async function changeLogClient(databaseUrl: string): Promise<{ client: Client; changes: ChangeLog }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const changes = new ChangeLog(client);
  await changes.install();
  return { client, changes };
}
