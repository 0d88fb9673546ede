import { z } from 'zod';
import { PERMISSIONS } from './permissions.js';
import { REQUEST_LIMITS } from './requestLimits.js';
import type { RouteSpec } from './route.js';
import type { ServedProtocol } from './servedProtocol.js';

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        requestId: { type: 'string', description: 'the X-Request-Id of the answer, also in the server log' },
        issues: {
          type: 'array',
          items: {
            type: 'object',
            required: ['code', 'path', 'expected'],
            properties: { code: { type: 'string' }, path: { type: 'array', items: { type: ['string', 'integer'] } }, value: {}, expected: { type: 'string' }, severity: { type: 'string' } },
          },
        },
      },
    },
  },
} as const;

/** A request schema as JSON Schema of what it accepts (io 'input'), a response schema of what is sent ('output'). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return rest;
}

const IDEMPOTENT_METHODS: readonly string[] = ['post', 'put'];

const errorResponse = (description: string): Record<string, unknown> => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** The Idempotency-Key header of a write (createApp.ts idempotencyOf). */
const IDEMPOTENCY_KEY_PARAMETER = Object.freeze({
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'A key the client chooses once per intended write (1-200 characters) and sends again with every retry of it: a repeat by the same user with the same key and the same method, path and body answers the first answer (same status and body, header Idempotent-Replayed: true) and writes nothing; the same key with another request answers 422 idempotency-key-reused. Kept in the database (table idempotency_keys), so it holds across restarts. A refused request stores no key.',
  schema: { type: 'string', minLength: 1, maxLength: 200 },
});

/**
 * OpenAPI 3.1 (whose schemas are JSON Schema 2020-12) generated from the routes and the zod schemas that
 * validate their bodies, so the document cannot drift from what the server accepts; the CRF forms of the
 * served protocol are components/schemas/<formType>, from the same schemas that validate a save.
 */
export function createOpenApiDocument(routes: readonly RouteSpec[], protocol: ServedProtocol): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const openApiPath = spec.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const keyed = IDEMPOTENT_METHODS.includes(spec.method) && spec.action !== 'public';
    const parameters: Record<string, unknown>[] = [
      ...[...spec.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
      ...(keyed ? [IDEMPOTENCY_KEY_PARAMETER] : []),
    ];
    const success = Object.entries(spec.responses ?? {}).filter(([status]) => Number(status) < 300);
    const failures = Object.entries(spec.responses ?? {}).filter(([status]) => Number(status) >= 300);
    const responses: Record<string, unknown> = {};
    const content = { [spec.produces ?? 'application/json']: { schema: spec.response === undefined ? {} : jsonSchema(spec.response, 'output') } };
    if (success.length === 0) responses['200'] = { description: 'OK', content };
    for (const [status, description] of success) responses[status] = status === '204' ? { description } : { description, content };
    if (spec.body !== undefined) {
      responses['400'] = errorResponse('malformed JSON or content type');
      responses['422'] = errorResponse('invalid input: issues with path, value (cut to 100 characters; never a secret) and expected');
    }
    if (spec.method !== 'get') {
      responses['403'] = errorResponse('role not allowed, or a request from another origin (Origin / Sec-Fetch-Site)');
      responses['413'] = errorResponse(`body larger than ${spec.maxBodyBytes ?? REQUEST_LIMITS.maxBodyBytes} bytes`);
    }
    responses['500'] = errorResponse('internal error; the answer carries a requestId, logged with method and route');
    if (spec.action !== 'public') responses['401'] = errorResponse('not signed in or session expired');
    if (spec.action !== 'public' && spec.action !== 'authenticated') {
      responses['403'] = errorResponse('role not allowed');
      responses['404'] = errorResponse('not found (or of another site)');
    }
    for (const [status, description] of failures) responses[status] = errorResponse(description);
    const roles = spec.action === 'public' ? 'anyone' : spec.action === 'authenticated' ? 'any signed-in user' : PERMISSIONS[spec.action].join(', ');
    paths[openApiPath] = {
      ...paths[openApiPath],
      [spec.method]: {
        summary: spec.summary,
        description: `Permission: ${spec.action} (${roles}).${keyed ? ' Accepts an Idempotency-Key header: a retry with the same key replays the first answer.' : ''}`,
        tags: [spec.tag],
        ...(parameters.length === 0 ? {} : { parameters }),
        ...(spec.body === undefined ? {} : { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body) } } } }),
        ...(spec.action === 'public' ? { security: [] } : {}),
        responses,
      },
    };
  }
  const forms = Object.fromEntries([...protocol.forms.keys()].flatMap((formType) => {
    const schema = protocol.schema(formType);
    return schema === undefined ? [] : [[formType, { ...jsonSchema(schema), title: protocol.forms.get(formType)?.label }]];
  }));
  const { definition } = protocol;
  return {
    openapi: '3.1.0',
    info: {
      title: 'trialkit EDC API',
      version: '1.0.0',
      description: `Electronic data capture for the trial of protocol ${definition.identity.registryId} (${definition.id} ${definition.version}): sites, subjects, CRF records, queries, locks, snapshots. The forms are components/schemas/<formType>; GET /protocol serves their metadata.`,
    },
    servers: [{ url: '/api/v1' }],
    security: [{ session: [] }],
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'trialkit_session' } },
      schemas: { Error: errorSchema, ...forms },
    },
  };
}
