import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { Hono } from 'hono';
import { z } from 'zod';
import {
  countAuditEntries,
  createSnapshot,
  getServerKey,
  insertCrfRecord,
  insertLock,
  insertQuery,
  insertSite,
  insertSubject,
  insertUser,
  openTrialProtocol,
  setPasswordHash,
  updateQuery,
  withAuditContext,
  type Store,
} from '../store/index.js';
import { findProtocol } from '../protocols/index.js';
import { API_ROUTES } from './apiRoutes.js';
import { createApp } from './createApp.js';
import { ircCaseId } from './ircCases.js';
import { hashPassword } from './passwords.js';
import { PERMISSIONS, ROLES, SITE_ROLES } from './permissions.js';
import { REQUEST_LIMITS } from './requestLimits.js';
import type { AppEnv, RouteSpec } from './route.js';
import { createServedProtocol } from './servedProtocol.js';

/**
 * Hostile input, generated: for every state-changing route, bodies generated from its request schema (the
 * form's schema for CRF data) with one field replaced by something hostile (over-long text, NUL, unpaired
 * surrogates, deep nesting, wrong types, extreme numbers), a required field dropped or an unknown one added;
 * and raw bodies (random bytes, truncated JSON, invalid UTF-8, nesting thousands deep). Whatever comes in:
 * no 5xx; a refusal (4xx) changes nothing (audit entries and credentials counted before and after); a 422
 * names a path for each issue, echoes no value longer than the echo limit, and never a password.
 */

const PASSWORD = 'fuzzing password 0123';
type Json = unknown;

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

const isoDate = fc.date({ min: new Date('2015-01-01'), max: new Date('2026-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** Values that conform to a JSON Schema, most of the time (patterns are matched; dates look like dates). */
function fromSchema(schema: JsonSchema, name = ''): fc.Arbitrary<Json> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants !== undefined) return fc.oneof(...variants.map((variant) => fromSchema(variant, name)));
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => fromSchema({ ...schema, type }, name)));
  switch (schema.type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(properties).map(([key, inner]) => [key, fromSchema(inner, key)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in model) });
    }
    case 'array':
      return fc.array(fromSchema(schema.items ?? {}, name), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case 'string':
      if (schema.pattern !== undefined) return fc.stringMatching(new RegExp(schema.pattern));
      if (/date$/i.test(name)) return isoDate;
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.max(schema.minLength ?? 0, Math.min(schema.maxLength ?? 24, 24)) });
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1000, -1_000_000), max: Math.min(schema.maximum ?? 1000, 1_000_000) });
    case 'number': {
      const min = schema.exclusiveMinimum ?? schema.minimum ?? -1000;
      const max = schema.exclusiveMaximum ?? schema.maximum ?? 1000;
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded: schema.exclusiveMinimum !== undefined, maxExcluded: schema.exclusiveMaximum !== undefined });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const jsonSchemaOf = (schema: z.ZodType): JsonSchema => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** Values no field should take quietly. */
const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant('x'.repeat(REQUEST_LIMITS.defaultTextLength + 1)),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'a\udfffb', '\udc00\ud800', '\u202e\u0000'),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(1e308, -1e308, -0, 2 ** 53 + 1, 0.1, -1, 0),
  fc.constantFrom(null, true, false, [], {}, ''),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 20, max: 40 }).map((depth) => {
    let value: Json = 'bottom';
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  }),
);

/** Every place in a value a hostile value can go (the root excluded). */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
  return [];
}

function setAt(value: Json, path: readonly (string | number)[], replacement: Json, remove: boolean): Json {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy: Json[] = [...(value as Json[])];
    if (rest.length === 0 && remove) copy.splice(Number(head), 1);
    else copy[Number(head)] = setAt(copy[Number(head)], rest, replacement, remove);
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, Json> = { ...(value as Record<string, Json>) };
    if (rest.length === 0 && remove) delete copy[String(head)];
    else copy[String(head)] = setAt(copy[String(head)], rest, replacement, remove);
    return copy;
  }
  return value;
}

/** A body from the schema, then: left as is, one field made hostile, one removed, or an unknown one added. */
function hostileBody(valid: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc.tuple(valid, fc.nat(), hostileValue, fc.constantFrom('keep', 'replace', 'replace', 'replace', 'remove', 'add')).map(([body, pick, hostile, how]) => {
    const paths = pathsOf(body);
    if (how === 'keep' || paths.length === 0) return how === 'keep' ? body : hostile;
    if (how === 'add') return setAt(body, [`unknown${pick % 3}`], hostile, false);
    return setAt(body, paths[pick % paths.length], hostile, how === 'remove');
  });
}

const reference = findProtocol('nct05236621');
if (reference === undefined) throw new Error('the reference protocol is not registered');
/** The fuzz runs on the reference protocol: every form it has, validated as the EDC validates it. */
const PROTOCOL = reference;
const SERVED = createServedProtocol(PROTOCOL);
const FORM_TYPES = [...SERVED.forms.keys()].filter((formType) => SERVED.schema(formType) !== undefined);
const schemaOf = (formType: string): z.ZodType => {
  const schema = SERVED.schema(formType);
  if (schema === undefined) throw new Error(`the reference protocol has no form ${formType}`);
  return schema;
};

const validBodies = (spec: RouteSpec): fc.Arbitrary<Json> => {
  if (spec.path === '/subjects/:subjectId/records') {
    return fc.constantFrom(...FORM_TYPES).chain((formType) =>
      fc.record({ formType: fc.constant(formType), visit: fc.string({ minLength: 1, maxLength: 8 }), data: fromSchema(jsonSchemaOf(schemaOf(formType))) }, { requiredKeys: ['formType', 'data'] }),
    );
  }
  if (spec.path === '/records/:recordId') {
    return fc.record({ version: fc.integer({ min: 1, max: 3 }), reason: fc.string({ minLength: 1, maxLength: 20 }), data: fromSchema(jsonSchemaOf(schemaOf('lab'))) });
  }
  return spec.body === undefined ? fc.constant({}) : fromSchema(jsonSchemaOf(spec.body));
};

/** Raw bodies that are not what any schema describes. */
const rawBody: fc.Arbitrary<Uint8Array<ArrayBuffer>> = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map((bytes) => new Uint8Array(bytes)),
  fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.nat()).map(([value, cut]) => {
    const text = JSON.stringify({ data: value }) ?? '';
    return new Uint8Array(Buffer.from(text.slice(0, cut % (text.length + 1))));
  }),
  fc.integer({ min: 30, max: 6000 }).map((depth) => new Uint8Array(Buffer.from(`{"data":${'['.repeat(depth)}1${']'.repeat(depth)}}`))),
  fc.tuple(fc.jsonValue({ maxDepth: 2 }), fc.nat(), fc.constantFrom([0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80])).map(([value, at, bad]) => {
    const text = Buffer.from(JSON.stringify({ formType: 'lab', data: value }) ?? '{}');
    const cut = at % (text.length + 1);
    return new Uint8Array(Buffer.concat([text.subarray(0, cut), Buffer.from(bad), text.subarray(cut)]));
  }),
);

interface Fixture {
  readonly siteA: string;
  readonly subjectId: string;
  readonly recordId: number;
  readonly queryId: number;
  readonly answeredQueryId: number;
  readonly lockId: number;
  readonly snapshotId: number;
  readonly targetUserId: string;
  readonly caseId: string;
  /** role -> user id (site roles at siteA) */
  readonly users: Readonly<Record<string, string>>;
}

const fresh = (): string => randomBytes(4).toString('hex');

async function seed(store: Store): Promise<Fixture> {
  const hash = await hashPassword(PASSWORD);
  return withAuditContext(store, { user: 'seed', reason: 'fuzz fixture' }, async (tx) => {
    const siteA = `F${fresh()}`;
    await insertSite(tx, { siteId: siteA, name: 'Fuzz site' });
    const users: Record<string, string> = {};
    // Every role, so that each route is sent by the first role allowed to call it (a new role included).
    for (const role of ROLES) {
      const userId = `fuzz-${role.replace('_', '-')}-${fresh()}`;
      await insertUser(tx, { userId, displayName: role, role, siteId: SITE_ROLES.includes(role) ? siteA : null });
      await setPasswordHash(tx, userId, hash, new Date());
      users[role] = userId;
    }
    const subject = await insertSubject(tx, { siteId: siteA });
    const locked = await insertSubject(tx, { siteId: siteA });
    const record = await insertCrfRecord(tx, {
      subjectId: subject.subjectId,
      formType: 'lab',
      visit: 'C1D1',
      data: { date: '2025-02-03', visit: 'C1D1', analyte: 'neutrophils', value: 0.4, unit: '10^9/L', lln: 1.8, uln: 7.5, source: 'local' },
    });
    for (const [date, mProtein] of [['2025-01-20', 20], ['2025-02-17', 8]] as const) {
      await insertCrfRecord(tx, { subjectId: subject.subjectId, formType: 'diseaseAssessment', visit: date, data: { date, visit: date, source: 'central', serumMProteinGPerL: mProtein } });
    }
    const query = await insertQuery(tx, { subjectId: subject.subjectId, recordId: record.recordId, message: 'please confirm' });
    const answered = await insertQuery(tx, { subjectId: subject.subjectId, message: 'source?' });
    await updateQuery(tx, answered.queryId, 1, { status: 'answered', answer: 'checked' });
    const lock = await insertLock(tx, { scope: 'subject', subjectId: locked.subjectId, cutoffDate: '2025-06-30' });
    const snapshot = await createSnapshot(tx, { name: `fuzz-${fresh()}`, cutoffDate: '2025-06-30', lockId: lock.lockId });
    const targetUserId = `fuzz-target-${fresh()}`;
    await insertUser(tx, { userId: targetUserId, displayName: 'Target', role: 'sponsor', siteId: null });
    return {
      siteA,
      subjectId: subject.subjectId,
      recordId: record.recordId,
      queryId: query.queryId,
      answeredQueryId: answered.queryId,
      lockId: lock.lockId,
      snapshotId: snapshot.snapshotId,
      targetUserId,
      caseId: ircCaseId(await getServerKey(tx, 'irc-blinding'), subject.subjectId),
      users,
    };
  });
}

function concretePath(spec: RouteSpec, f: Fixture): string {
  const values: Record<string, string> = {
    subjectId: f.subjectId,
    recordId: String(f.recordId),
    queryId: String(spec.path.endsWith('/reopen') ? f.answeredQueryId : f.queryId),
    lockId: String(f.lockId),
    userId: f.targetUserId,
    caseId: f.caseId,
    snapshotId: String(f.snapshotId),
  };
  return spec.path.replace(/:([A-Za-z]+)/g, (_, name: string) => values[name] ?? name);
}

interface Outcome {
  readonly status: number;
  readonly text: string;
}

const echoLimit = REQUEST_LIMITS.echoLength + 40;

/** TRIALKIT_FUZZ_STATS=1 prints how often each route answered each status (to see that the generator reaches the handlers). */
const statusCounts = new Map<string, number>();
process.on('exit', () => {
  if (process.env.TRIALKIT_FUZZ_STATS !== undefined) for (const [key, n] of [...statusCounts].sort()) console.log(`fuzz ${key}: ${n}`);
});

/** What every answer must satisfy, whatever was sent. */
function checkAnswer(label: string, outcome: Outcome): void {
  assert.ok(outcome.status < 500, `${label}: answered ${outcome.status} ${outcome.text.slice(0, 300)}`);
  if (outcome.status !== 422) return;
  const body = JSON.parse(outcome.text) as { error: { issues?: { path: unknown; value: unknown }[] } };
  for (const item of body.error.issues ?? []) {
    assert.ok(Array.isArray(item.path), `${label}: an issue without a path`);
    if (typeof item.value === 'string') assert.ok(item.value.length <= echoLimit, `${label}: echoed ${item.value.length} characters`);
    if ((item.path as unknown[]).some((part) => typeof part === 'string' && /password/i.test(part)) && item.value !== undefined) {
      assert.equal(item.value, '(not shown: a secret)', `${label}: a password echoed`);
    }
  }
}

/** Runs the hostile-input properties against the app on a store; runs = generated requests per route. */
export function fuzzContract(getStore: () => Store, runs: number): void {
  let app: Hono<AppEnv> | undefined;
  let fixture: Fixture | undefined;
  const cookies = new Map<string, string>();

  const login = async (userId: string): Promise<string> => {
    const response = await app?.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, password: PASSWORD }) });
    assert.equal(response?.status, 200);
    return (response.headers.get('set-cookie') ?? '').split(';')[0];
  };

  const state = async (): Promise<string> => {
    const { rows } = await getStore().query<{ n: number }>('SELECT count(*)::bigint AS n FROM credentials');
    return `${await countAuditEntries(getStore())}/${rows[0].n}`;
  };

  const send = async (spec: RouteSpec, body: Uint8Array<ArrayBuffer> | string, contentType = 'application/json'): Promise<Outcome> => {
    const f = fixture;
    const a = app;
    if (f === undefined || a === undefined) throw new Error('the fixture was not seeded');
    const role = spec.action === 'public' || spec.action === 'authenticated' ? 'coordinator' : PERMISSIONS[spec.action][0];
    const userId = f.users[role];
    let cookie = cookies.get(userId);
    if (cookie === undefined && spec.action !== 'public') {
      cookie = await login(userId);
      cookies.set(userId, cookie);
    }
    const before = await state();
    const response = await a.request(`/api/v1${concretePath(spec, f)}${spec.path === '/imports/labs' ? '?file=fuzz.csv' : ''}`, {
      method: spec.method.toUpperCase(),
      headers: { 'content-type': contentType, ...(cookie === undefined || spec.action === 'public' ? {} : { cookie }), 'x-test-ip': `10.77.${Math.floor(Math.random() * 250)}.1` },
      body,
    });
    const outcome = { status: response.status, text: await response.text() };
    if (process.env.TRIALKIT_FUZZ_STATS !== undefined) {
      const key = `${spec.method} ${spec.path} ${outcome.status}`;
      statusCounts.set(key, (statusCounts.get(key) ?? 0) + 1);
    }
    if (outcome.status >= 400 && outcome.status < 500) assert.equal(await state(), before, `${spec.method} ${spec.path}: refused with ${outcome.status} but something changed`);
    // a write that went through may have logged this user out, locked the trial or used up a version: start clean
    if (outcome.status < 300) {
      if (spec.path === '/auth/logout') cookies.delete(userId);
      await withAuditContext(getStore(), { user: 'fuzz', reason: 'keep the fuzz target open' }, (tx) => tx.query("UPDATE locks SET released = true WHERE NOT released AND (scope = 'trial' OR subject_id = $1)", [f.subjectId]));
    }
    return outcome;
  };

  before(async () => {
    app = createApp({ store: getStore(), protocol: PROTOCOL, clientAddress: (c) => c.req.header('x-test-ip') ?? 'unknown' });
    fixture = await seed(getStore());
    // the app records the trial's protocol on its first request (an audited write): done here, so that the
    // first fuzzed request is measured against a settled database
    await openTrialProtocol(getStore(), { protocolId: PROTOCOL.definition.id, protocolVersion: PROTOCOL.definition.version }, 'system:test');
  });

  const writes = API_ROUTES.filter((spec) => spec.method !== 'get');

  void describe(`hostile input on ${writes.length} write operations (${runs} generated requests each, then raw bodies)`, () => {
    for (const spec of writes) {
      void it(`${spec.method.toUpperCase()} ${spec.path}: no 5xx, nothing changed on refusal, no secret or long echo`, async () => {
        if (spec.path === '/imports/labs') {
          const cell = hostileValue.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')));
          const subjectId = fixture?.subjectId ?? '';
          // a valid row (a hemoglobin result of the fixture subject) with at most one cell made hostile, or cells at random
          const validRow = fc.tuple(isoDate, fc.double({ min: 5, max: 20, noNaN: true }), fc.nat(8), cell, fc.boolean()).map(([date, value, at, bad, spoil]) => {
            const cells = [subjectId, date, 'C1D1', 'hemoglobin', String(value), 'g/dL', '12', '16'];
            if (spoil) cells[at % cells.length] = bad;
            return cells.join(',');
          });
          const csvLine = fc.oneof(validRow, fc.array(fc.oneof(fc.string({ maxLength: 12 }), cell), { minLength: 1, maxLength: 9 }).map((cells) => cells.join(',')));
          const csv = fc.array(csvLine, { maxLength: 4 }).map((lines) => ['subjectId,date,visit,analyte,value,unit,lln,uln', ...lines].join('\n'));
          await fc.assert(
            fc.asyncProperty(csv, async (text) => checkAnswer(`${spec.path} ${JSON.stringify(text).slice(0, 200)}`, await send(spec, text, 'text/csv'))),
            { numRuns: runs },
          );
        } else {
          await fc.assert(
            fc.asyncProperty(hostileBody(validBodies(spec)), async (body) => {
              const text = JSON.stringify(body) ?? 'null';
              checkAnswer(`${spec.method} ${spec.path} ${text.slice(0, 200)}`, await send(spec, text));
            }),
            { numRuns: runs },
          );
        }
        await fc.assert(
          fc.asyncProperty(rawBody, async (bytes) => checkAnswer(`${spec.method} ${spec.path} raw ${Buffer.from(bytes).toString('hex').slice(0, 120)}`, await send(spec, bytes, spec.path === '/imports/labs' ? 'text/csv' : 'application/json'))),
          { numRuns: Math.max(5, Math.floor(runs / 3)) },
        );
      });
    }
  });
}
