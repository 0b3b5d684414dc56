/**
 * Every route of the Boucle API, defined once: path, schemas, roles, serving function. The app
 * validates and guards from these definitions, `GET /api/openapi.json` and docs/openapi.json are
 * generated from them, and the CDK stack deploys its API Gateway routes from `apiRoutes`.
 */
import { createRoute } from '@hono/zod-openapi';
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
import { access } from './access.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});
/** Every refusal has one shape (`{error: {code, message, fields?}}`); codes in `ZErrorCode`. */
const refusals = { default: json(ZApiError, 'Refused: the code says why, `fields` what is wrong') };

const anyMember = access({ roles: ['employee'], fn: 'pulse' });
const steering = access({ roles: ['steering'], fn: 'steering' });

const ZIterationId = z.coerce.number().int().positive().max(999_999);
const iterationParams = z.object({ id: ZIterationId });

export const health = createRoute({
  method: 'get',
  path: '/api/health',
  summary: 'Liveness',
  ...access({ roles: [], fn: 'pulse' }),
  responses: { 200: json(z.object({ ok: z.boolean() }), 'The API is up'), ...refusals },
});

export const openApiDocumentRoute = createRoute({
  method: 'get',
  path: '/api/openapi.json',
  summary: 'This document',
  ...access({ roles: [], fn: 'pulse' }),
  responses: { 200: json(z.record(z.string(), z.unknown()), 'OpenAPI 3.1'), ...refusals },
});

export const devMembers = createRoute({
  method: 'get',
  path: '/api/auth/dev-members',
  summary: 'Demo members to sign in as (local only)',
  ...access({ roles: [], fn: 'local' }),
  responses: {
    200: json(z.object({ members: z.array(ZDevMember) }), 'The directory'),
    ...refusals,
  },
});

export const devLogin = createRoute({
  method: 'post',
  path: '/api/auth/dev-login',
  summary: 'Demo sign-in (local only)',
  ...access({ roles: [], fn: 'local' }),
  request: { body: jsonBody(ZDevLoginInput) },
  responses: { 200: json(ZToken, 'A token signed by the local issuer'), ...refusals },
});

export const me = createRoute({
  method: 'get',
  path: '/api/me',
  summary: 'The signed-in member',
  ...anyMember,
  responses: { 200: json(ZMe, 'Who the token says, and their directory entry'), ...refusals },
});

export const currentPulse = createRoute({
  method: 'get',
  path: '/api/pulse/current',
  summary: "The open iteration's pulse and my receipt",
  ...anyMember,
  responses: { 200: json(ZCurrentPulse, 'The pulse to answer'), ...refusals },
});

export const submitResponse = createRoute({
  method: 'post',
  path: '/api/pulses/{pulseId}/responses',
  summary: 'Answer a pulse, once',
  ...anyMember,
  request: {
    params: z.object({ pulseId: z.string().max(40) }),
    body: jsonBody(ZResponseInput),
  },
  responses: { 201: json(ZReceipt, 'Counted; the receipt proves it'), ...refusals },
});

export const listIterations = createRoute({
  method: 'get',
  path: '/api/iterations',
  summary: 'All iterations, with the lifecycle steps each may take now',
  ...steering,
  responses: { 200: json(ZIterationList, 'Oldest first'), ...refusals },
});

export const createIteration = createRoute({
  method: 'post',
  path: '/api/iterations',
  summary: 'Create a draft iteration',
  ...steering,
  request: { body: jsonBody(ZIterationInput) },
  responses: { 201: json(ZIteration, 'The new draft'), ...refusals },
});

export const getIteration = createRoute({
  method: 'get',
  path: '/api/iterations/{id}',
  summary: 'One iteration and its pulse',
  ...steering,
  request: { params: iterationParams },
  responses: {
    200: json(z.object({ iteration: ZIteration, pulse: ZPulse.nullable() }), 'Found'),
    ...refusals,
  },
});

export const setPulse = createRoute({
  method: 'put',
  path: '/api/iterations/{id}/pulse',
  summary: "Set a draft iteration's pulse",
  ...steering,
  request: { params: iterationParams, body: jsonBody(ZPulseInput) },
  responses: { 200: json(ZPulse, 'The pulse, numbered after its iteration'), ...refusals },
});

const lifecycleStep = (action: 'open' | 'close' | 'review', summary: string) =>
  createRoute({
    method: 'post',
    path: `/api/iterations/{id}/${action}`,
    summary,
    ...steering,
    request: { params: iterationParams },
    responses: { 200: json(ZIteration, 'The iteration after the step'), ...refusals },
  });

export const openIteration = lifecycleStep('open', 'Open (draft → open)');
export const closeIteration = lifecycleStep('close', 'Close (open → closed)');
export const reviewIteration = lifecycleStep('review', 'Mark reviewed (closed → reviewed)');

export const iterationResults = createRoute({
  method: 'get',
  path: '/api/iterations/{id}/results',
  summary: 'Participation and per-question results, anonymity applied',
  ...steering,
  request: {
    params: iterationParams,
    query: z.object({ by: ZSegmentDimension.optional() }),
  },
  responses: { 200: json(ZResults, 'Results'), ...refusals },
});

export const headcount = createRoute({
  method: 'get',
  path: '/api/members/headcount',
  summary: 'Members per segment',
  ...steering,
  responses: { 200: json(ZHeadcount, 'Counts of the current directory'), ...refusals },
});

export const importRoster = createRoute({
  method: 'post',
  path: '/api/members/import',
  summary: 'Replace the roster from CSV (all or nothing)',
  ...access({ roles: ['steering'], fn: 'steering', maxBodyBytes: 10 * 1024 * 1024 }),
  request: {
    body: {
      required: true,
      content: { 'text/csv': { schema: z.string().meta({ description: 'The roster as CSV' }) } },
    },
  },
  responses: { 200: json(ZRosterImportResult, 'Members imported'), ...refusals },
});

/** The whole API: what the app serves, the document describes and API Gateway routes. */
export const apiRoutes = [
  health,
  openApiDocumentRoute,
  devMembers,
  devLogin,
  me,
  currentPulse,
  submitResponse,
  listIterations,
  createIteration,
  getIteration,
  setPulse,
  openIteration,
  closeIteration,
  reviewIteration,
  iterationResults,
  headcount,
  importRoster,
] as const;

export type TApiRoute = (typeof apiRoutes)[number];
