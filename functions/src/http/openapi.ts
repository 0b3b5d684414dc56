import {
  ZApiError,
  ZCurrentPulse,
  ZDevLoginInput,
  ZDevMember,
  ZHeadcount,
  ZIteration,
  ZIterationInput,
  ZIterationList,
  ZMe,
  ZPulse,
  ZPulseInput,
  ZReceipt,
  ZResponseInput,
  ZResults,
  ZRosterImportResult,
  ZSegmentDimension,
  ZToken,
} from '@boucle/shared';
import { z } from 'zod';

type TOperation = {
  method: 'get' | 'post' | 'put';
  path: string;
  summary: string;
  /** Roles allowed; empty means no token is needed. */
  roles: readonly string[];
  body?: z.ZodType;
  bodyType?: string;
  status: number;
  response: z.ZodType;
  query?: Record<string, z.ZodType>;
};

const anyone = ['employee'] as const;
const steering = ['steering'] as const;

/** Every route the API serves; the OpenAPI document is generated from these zod schemas. */
export const operations: readonly TOperation[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Liveness',
    roles: [],
    status: 200,
    response: z.object({ ok: z.boolean() }),
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    roles: [],
    status: 200,
    response: z.object({}),
  },
  {
    method: 'get',
    path: '/api/auth/dev-members',
    summary: 'Demo members (local only)',
    roles: [],
    status: 200,
    response: z.object({ members: z.array(ZDevMember) }),
  },
  {
    method: 'post',
    path: '/api/auth/dev-login',
    summary: 'Demo sign-in (local only)',
    roles: [],
    body: ZDevLoginInput,
    status: 200,
    response: ZToken,
  },
  {
    method: 'get',
    path: '/api/me',
    summary: 'The signed-in member',
    roles: anyone,
    status: 200,
    response: ZMe,
  },
  {
    method: 'get',
    path: '/api/pulse/current',
    summary: "The open iteration's pulse and my receipt",
    roles: anyone,
    status: 200,
    response: ZCurrentPulse,
  },
  {
    method: 'post',
    path: '/api/pulses/{pulseId}/responses',
    summary: 'Answer a pulse, once',
    roles: anyone,
    body: ZResponseInput,
    status: 201,
    response: ZReceipt,
  },
  {
    method: 'get',
    path: '/api/iterations',
    summary: 'All iterations',
    roles: steering,
    status: 200,
    response: ZIterationList,
  },
  {
    method: 'post',
    path: '/api/iterations',
    summary: 'Create a draft iteration',
    roles: steering,
    body: ZIterationInput,
    status: 201,
    response: ZIteration,
  },
  {
    method: 'get',
    path: '/api/iterations/{id}',
    summary: 'One iteration and its pulse',
    roles: steering,
    status: 200,
    response: z.object({ iteration: ZIteration, pulse: ZPulse.nullable() }),
  },
  {
    method: 'put',
    path: '/api/iterations/{id}/pulse',
    summary: "Set a draft iteration's pulse",
    roles: steering,
    body: ZPulseInput,
    status: 200,
    response: ZPulse,
  },
  {
    method: 'post',
    path: '/api/iterations/{id}/open',
    summary: 'Open (draft → open)',
    roles: steering,
    status: 200,
    response: ZIteration,
  },
  {
    method: 'post',
    path: '/api/iterations/{id}/close',
    summary: 'Close (open → closed)',
    roles: steering,
    status: 200,
    response: ZIteration,
  },
  {
    method: 'post',
    path: '/api/iterations/{id}/review',
    summary: 'Mark reviewed (closed → reviewed)',
    roles: steering,
    status: 200,
    response: ZIteration,
  },
  {
    method: 'get',
    path: '/api/iterations/{id}/results',
    summary: 'Participation and per-question results, anonymity applied',
    roles: steering,
    query: { by: ZSegmentDimension.optional() },
    status: 200,
    response: ZResults,
  },
  {
    method: 'get',
    path: '/api/members/headcount',
    summary: 'Members per segment',
    roles: steering,
    status: 200,
    response: ZHeadcount,
  },
  {
    method: 'post',
    path: '/api/members/import',
    summary: 'Replace the roster from CSV (all or nothing)',
    roles: steering,
    body: z.string(),
    bodyType: 'text/csv',
    status: 200,
    response: ZRosterImportResult,
  },
];

const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters = [
      ...[...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
        name: m[1],
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
      ...Object.entries(op.query ?? {}).map(([name, schema]) => ({
        name,
        in: 'query',
        required: false,
        schema: jsonSchema(schema),
      })),
    ];
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      ...(op.roles.length > 0
        ? { security: [{ bearer: [] }], 'x-roles': op.roles }
        : { security: [] }),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { [op.bodyType ?? 'application/json']: { schema: jsonSchema(op.body) } },
            },
          }
        : {}),
      responses: {
        [op.status]: {
          description: 'OK',
          content: { 'application/json': { schema: jsonSchema(op.response) } },
        },
        default: {
          description: 'Error',
          content: { 'application/json': { schema: jsonSchema(ZApiError) } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Boucle API',
      version: '0.1.0',
      description: 'The feedback loop of a change programme run in iterations.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    paths,
  };
}
