/**
 * Every route of the Boucle API, defined once: path, schemas, roles, serving function. The app
 * validates and guards from these definitions, `GET /api/openapi.json` and docs/openapi.json are
 * generated from them, and the CDK stack deploys its API Gateway routes from `apiRoutes`.
 */
import {
  ZAdoptionInput,
  ZApiError,
  ZComments,
  ZConvention,
  ZConventionId,
  ZConventionInput,
  ZConventionList,
  ZConventionRevisionInput,
  ZCommentsQuery,
  ZCurrentPulse,
  ZDevLoginInput,
  ZDevMember,
  ZHeadcount,
  ZHeatmap,
  ZIdea,
  ZIdeaComment,
  ZIdeaCommentHide,
  ZIdeaCommentId,
  ZIdeaCommentInput,
  ZIdeaCommentList,
  ZIdeaCommentsQuery,
  ZIdeaId,
  ZIdeaInput,
  ZIdeaEdit,
  ZIdeaList,
  ZIdeaMerge,
  ZIdeasQuery,
  ZIdeaStatusChange,
  ZIdeasSummary,
  ZInvolvement,
  ZIteration,
  ZIterationDetail,
  ZIterationInput,
  ZIterationList,
  ZMe,
  ZModeratedComment,
  ZModerationQuery,
  ZModerationQueue,
  ZPulse,
  ZPulseInput,
  ZReceipt,
  ZResponseInput,
  ZResults,
  ZIterationReview,
  ZPublishedReview,
  ZReviewDraft,
  ZReviewDraftInput,
  ZRosterChunkInput,
  ZRosterChunkParams,
  ZRosterImport,
  ZRosterImportId,
  ZRosterImportInput,
  ZRosterImportQuery,
  ZSegmentDimension,
  ZToken,
  ZTrainingDemand,
  ZTrends,
  ZUpdates,
  ZUpdatesSeen,
  type TIterationAction,
  decimalParameter,
  MAX_ITERATION_ID,
} from '@boucle/shared';
import * as z from 'zod';
import { access } from './access.js';
import { createRoute } from './route-definition.js';

type TMethod = 'get' | 'post' | 'put' | 'delete' | 'patch';

/** Method, path, summary and access: the head of every route. */
const endpoint = <M extends TMethod, P extends string, A>(
  method: M,
  path: P,
  summary: string,
  who: A,
) => ({ method, path, summary, ...who });

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/**
 * The success answer of a route, and the one shape of every refusal
 * (`{error: {code, message, fields?}}`, codes in `ZErrorCode`).
 */
const answers = <S extends 200 | 201, T extends z.ZodType>(
  status: S,
  schema: T,
  description: string,
) =>
  ({
    [status]: json(schema, description),
    default: json(ZApiError, 'Refused: the code says why, `fields` what is wrong'),
  }) as Record<S, ReturnType<typeof json<T>>> & {
    default: ReturnType<typeof json<typeof ZApiError>>;
  };

/**
 * The success answer of a route that also exports its table as CSV (`?format=csv`), written by
 * `toCsv` (formula-like cells neutralised).
 */
const answersOrCsv = <T extends z.ZodType>(schema: T, description: string) => {
  const answer = answers(200, schema, description);
  return {
    ...answer,
    200: {
      description,
      content: {
        ...answer[200].content,
        'text/csv': { schema: z.string().meta({ description: 'The same table as CSV' }) },
      },
    },
  };
};

/** `?format=csv` on every route that shows a table. */
const ZFormat = z.enum(['json', 'csv']).optional();

const everyone = access({ roles: [], fn: 'pulse' });
const anyMember = access({ roles: ['employee'], fn: 'pulse' });
const steering = access({ roles: ['steering'], fn: 'steering' });
/** Results: an ambassador who is not steering reads their own team's only (services/results.ts). */
const resultsReaders = access({ roles: ['ambassador', 'steering'], fn: 'steering' });
const demo = access({ roles: [], fn: 'local' });

const ZIterationId = decimalParameter(1, MAX_ITERATION_ID);
const iterationParams = z.object({ id: ZIterationId });

export const health = createRoute({
  ...endpoint('get', '/api/health', 'Liveness', everyone),
  responses: answers(200, z.object({ ok: z.boolean() }), 'The API is up'),
});

export const openApiDocumentRoute = createRoute({
  ...endpoint('get', '/api/openapi.json', 'This document', everyone),
  responses: answers(200, z.record(z.string(), z.unknown()), 'OpenAPI 3.1'),
});

export const devMembers = createRoute({
  ...endpoint('get', '/api/auth/dev-members', 'Demo members to sign in as (local only)', demo),
  responses: answers(200, z.object({ members: z.array(ZDevMember) }), 'The directory'),
});

export const devLogin = createRoute({
  ...endpoint('post', '/api/auth/dev-login', 'Demo sign-in (local only)', demo),
  request: { body: jsonBody(ZDevLoginInput) },
  responses: answers(200, ZToken, 'A token signed by the local issuer'),
});

export const me = createRoute({
  ...endpoint('get', '/api/me', 'The signed-in member', anyMember),
  responses: answers(200, ZMe, 'Who the token says, and their directory entry'),
});

export const currentPulse = createRoute({
  ...endpoint('get', '/api/pulse/current', "The open iteration's pulse and my receipt", anyMember),
  responses: answers(200, ZCurrentPulse, 'The pulse to answer'),
});

export const submitResponse = createRoute({
  ...endpoint('post', '/api/pulses/{pulseId}/responses', 'Answer a pulse, once', anyMember),
  request: {
    params: z.object({ pulseId: z.string().max(40) }),
    body: jsonBody(ZResponseInput),
  },
  responses: answers(201, ZReceipt, 'Counted; the receipt proves it'),
});

export const listIterations = createRoute({
  ...endpoint('get', '/api/iterations', 'All iterations and the steps each may take', steering),
  responses: answers(200, ZIterationList, 'Oldest first'),
});

export const createIteration = createRoute({
  ...endpoint('post', '/api/iterations', 'Create a draft iteration', steering),
  request: { body: jsonBody(ZIterationInput) },
  responses: answers(201, ZIteration, 'The new draft'),
});

export const getIteration = createRoute({
  ...endpoint('get', '/api/iterations/{id}', 'One iteration and its pulse', steering),
  request: { params: iterationParams },
  responses: answers(200, ZIterationDetail, 'Found'),
});

export const setPulse = createRoute({
  ...endpoint('put', '/api/iterations/{id}/pulse', "Set a draft iteration's pulse", steering),
  request: { params: iterationParams, body: jsonBody(ZPulseInput) },
  responses: answers(200, ZPulse, 'The pulse, numbered after its iteration'),
});

const lifecycleStep = <A extends TIterationAction>(action: A, summary: string) =>
  createRoute({
    ...endpoint('post', `/api/iterations/{id}/${action}`, summary, steering),
    request: { params: iterationParams },
    responses: answers(200, ZIteration, 'The iteration after the step'),
  });

export const openIteration = lifecycleStep('open', 'Open (draft → open)');
export const closeIteration = lifecycleStep('close', 'Close (open → closed)');
export const reviewIteration = lifecycleStep('review', 'Mark reviewed (closed → reviewed)');

export const iterationResults = createRoute({
  ...endpoint('get', '/api/iterations/{id}/results', 'Results, anonymity applied', resultsReaders),
  request: {
    params: iterationParams,
    query: z.object({ by: ZSegmentDimension.optional(), format: ZFormat }),
  },
  responses: answersOrCsv(ZResults, 'Participation and per-question results'),
});

export const iterationComments = createRoute({
  ...endpoint(
    'get',
    '/api/iterations/{id}/comments',
    'Free-text comments, anonymity applied',
    steering,
  ),
  request: { params: iterationParams, query: ZCommentsQuery.extend({ format: ZFormat }) },
  responses: answersOrCsv(ZComments, 'A page of the comments a closed iteration may show'),
});

export const setAdoption = createRoute({
  ...endpoint(
    'put',
    '/api/iterations/{id}/adoption',
    "Set or correct an iteration's adoption figures (once it has run)",
    steering,
  ),
  request: { params: iterationParams, body: jsonBody(ZAdoptionInput) },
  responses: answers(200, ZIteration, 'The iteration with its figures'),
});

export const iterationHeatmap = createRoute({
  ...endpoint(
    'get',
    '/api/iterations/{id}/heatmap',
    'Question × group heatmap, gaps tested (Benjamini–Hochberg), anonymity applied',
    steering,
  ),
  request: {
    params: iterationParams,
    query: z.object({ by: ZSegmentDimension, format: ZFormat }),
  },
  responses: answersOrCsv(ZHeatmap, 'Each group against the overall figure, per question'),
});

export const trainingDemand = createRoute({
  ...endpoint(
    'get',
    '/api/iterations/{id}/training-demand',
    'Training level × training need, anonymity applied',
    steering,
  ),
  request: { params: iterationParams, query: z.object({ format: ZFormat }) },
  responses: answersOrCsv(ZTrainingDemand, 'The training sessions to plan, by level'),
});

/** The review's ideas: funnel, categories, the most voted, days to a decision. */
export const ideasSummary = createRoute({
  ...endpoint(
    'get',
    '/api/iterations/{id}/ideas-summary',
    "An iteration's ideas: status funnel, categories, top 5 by votes, time to a decision",
    steering,
  ),
  request: { params: iterationParams, query: z.object({ format: ZFormat }) },
  responses: answersOrCsv(ZIdeasSummary, 'The ideas submitted in the iteration, summed up'),
});

export const trends = createRoute({
  ...endpoint('get', '/api/trends', 'Every opened iteration side by side', resultsReaders),
  request: {
    query: z.object({ by: ZSegmentDimension.optional(), format: ZFormat }),
  },
  responses: answersOrCsv(
    ZTrends,
    'Participation and tracked questions per iteration, with changes and their tests',
  ),
});

export const involvement = createRoute({
  ...endpoint(
    'get',
    '/api/involvement',
    'Ideas, votes and comments per closed iteration, overall and by group',
    steering,
  ),
  request: {
    query: z.object({ by: ZSegmentDimension.optional(), format: ZFormat }),
  },
  responses: answersOrCsv(
    ZInvolvement,
    'Members who took part around ideas, withheld where fewer than k contributed',
  ),
});

export const headcount = createRoute({
  ...endpoint('get', '/api/members/headcount', 'Members per segment', steering),
  responses: answers(200, ZHeadcount, 'Counts of the current directory'),
});

const importParams = z.object({ id: ZRosterImportId });

export const startRosterImport = createRoute({
  ...endpoint(
    'post',
    '/api/roster/imports',
    'Start a staged roster import of this many members (ADR 0025)',
    steering,
  ),
  request: { body: jsonBody(ZRosterImportInput) },
  responses: answers(201, ZRosterImport, 'The import, waiting for its chunks'),
});

export const rosterImport = createRoute({
  ...endpoint(
    'get',
    '/api/roster/imports/{id}',
    'A staged roster import and its progress',
    steering,
  ),
  request: { params: importParams },
  responses: answers(200, ZRosterImport, 'Its state and the chunks received'),
});

export const stageRosterChunk = createRoute({
  ...endpoint(
    'put',
    '/api/roster/imports/{id}/chunks/{n}',
    'Send chunk n (from 1) of the roster, by email order; sending it again changes nothing',
    access({ roles: ['steering'], fn: 'steering', maxBodyBytes: 2 * 1024 * 1024 }),
  ),
  request: { params: ZRosterChunkParams, body: jsonBody(ZRosterChunkInput) },
  responses: answers(200, ZRosterImport, 'The chunk is staged'),
});

export const completeRosterImport = createRoute({
  ...endpoint(
    'post',
    '/api/roster/imports/{id}/complete',
    'Switch the directory to the staged roster; call again while the state is `switched`',
    steering,
  ),
  request: { params: importParams, query: ZRosterImportQuery },
  responses: answers(200, ZRosterImport, 'Switched (follow-up under way) or completed'),
});

const ideaParams = z.object({ id: ZIdeaId });

export const listIdeas = createRoute({
  ...endpoint(
    'get',
    '/api/ideas',
    'Ideas of an iteration (the current one by default, or all): most voted, newest or trending first, filtered by status, category, team or words; or up to 5 ideas similar to a draft (`similar`)',
    anyMember,
  ),
  request: { query: ZIdeasQuery },
  responses: answers(200, ZIdeaList, 'A page of ideas'),
});

export const submitIdea = createRoute({
  ...endpoint('post', '/api/ideas', 'Submit an idea, named or anonymous', anyMember),
  request: { body: jsonBody(ZIdeaInput) },
  responses: answers(201, ZIdea, 'The new idea'),
});

export const getIdea = createRoute({
  ...endpoint('get', '/api/ideas/{id}', 'One idea', anyMember),
  request: { params: ideaParams },
  responses: answers(200, ZIdea, 'Found'),
});

export const voteForIdea = createRoute({
  ...endpoint(
    'put',
    '/api/ideas/{id}/vote',
    'Vote for an idea (once, however often asked)',
    anyMember,
  ),
  request: { params: ideaParams },
  responses: answers(200, ZIdea, 'The idea with my vote counted'),
});

export const takeBackVote = createRoute({
  ...endpoint('delete', '/api/ideas/{id}/vote', 'Take my vote back', anyMember),
  request: { params: ideaParams },
  responses: answers(200, ZIdea, 'The idea without my vote'),
});

export const editIdea = createRoute({
  ...endpoint(
    'patch',
    '/api/ideas/{id}',
    'Edit my idea while it is new or under review (its author only)',
    anyMember,
  ),
  request: { params: ideaParams, body: jsonBody(ZIdeaEdit) },
  responses: answers(200, ZIdea, 'The idea as edited'),
});

export const changeIdeaStatus = createRoute({
  ...endpoint(
    'post',
    '/api/ideas/{id}/status',
    'Move an idea on: under review, planned (for an iteration), in progress, done, declined (with a reason)',
    steering,
  ),
  request: { params: ideaParams, body: jsonBody(ZIdeaStatusChange) },
  responses: answers(200, ZIdea, 'The idea in its new status'),
});

export const mergeIdea = createRoute({
  ...endpoint(
    'post',
    '/api/ideas/{id}/merge',
    'Merge a duplicate into the kept idea: its votes move there, each member counted once',
    access({ roles: ['ambassador', 'steering'], fn: 'steering' }),
  ),
  request: { params: ideaParams, body: jsonBody(ZIdeaMerge) },
  responses: answers(200, ZIdea, 'The merged idea, now a duplicate of the kept one'),
});

// Idea comments and their moderation (ADR 0017).
const moderators = access({ roles: ['ambassador', 'steering'], fn: 'steering' });

export const listIdeaComments = createRoute({
  ...endpoint('get', '/api/ideas/{id}/comments', "An idea's comments, oldest first", anyMember),
  request: { params: ideaParams, query: ZIdeaCommentsQuery },
  responses: answers(200, ZIdeaCommentList, 'A page of comments; hidden ones without their text'),
});

export const postIdeaComment = createRoute({
  ...endpoint('post', '/api/ideas/{id}/comments', 'Comment an idea, named or anonymous', anyMember),
  request: { params: ideaParams, body: jsonBody(ZIdeaCommentInput) },
  responses: answers(201, ZIdeaComment, 'The new comment'),
});

export const hideIdeaComment = createRoute({
  ...endpoint(
    'post',
    '/api/comments/{id}/hide',
    'Hide an idea comment with a reason (audited; the text is kept)',
    moderators,
  ),
  request: { params: z.object({ id: ZIdeaCommentId }), body: jsonBody(ZIdeaCommentHide) },
  responses: answers(200, ZModeratedComment, 'The comment, hidden'),
});

export const moderationQueue = createRoute({
  ...endpoint(
    'get',
    '/api/idea-comments',
    'Idea comments to moderate, newest first across ideas, hidden ones with their audit',
    moderators,
  ),
  request: { query: ZModerationQuery },
  responses: answers(200, ZModerationQueue, 'A page of the queue'),
});

// Conventions register: read by every member, adopted and revised by the steering group.
const conventionParams = z.object({ id: ZConventionId });

export const listConventions = createRoute({
  ...endpoint('get', '/api/conventions', 'The usage conventions in force', anyMember),
  responses: answers(200, ZConventionList, 'The register, by iteration adopted in'),
});

export const adoptConvention = createRoute({
  ...endpoint('post', '/api/conventions', 'Adopt a usage convention, maybe from an idea', steering),
  request: { body: jsonBody(ZConventionInput) },
  responses: answers(201, ZConvention, 'The new entry of the register'),
});

export const reviseConvention = createRoute({
  ...endpoint('put', '/api/conventions/{id}', 'Revise a convention (older text kept)', steering),
  request: { params: conventionParams, body: jsonBody(ZConventionRevisionInput) },
  responses: answers(200, ZConvention, 'The convention at its new revision'),
});

// "You said, we did": the member's own updates, on the pulse function (it holds the secret).
export const updates = createRoute({
  ...endpoint(
    'get',
    '/api/updates',
    'The latest published review and the fate of my ideas and votes',
    anyMember,
  ),
  responses: answers(200, ZUpdates, 'My updates, with what changed since my last visit'),
});

export const markUpdatesSeen = createRoute({
  ...endpoint('put', '/api/updates/seen', 'Record that I read my updates', anyMember),
  responses: answers(200, ZUpdatesSeen, 'My last visit, now'),
});

// The iteration review's written part: decisions and actions, published as revisions.
export const getIterationReview = createRoute({
  ...endpoint(
    'get',
    '/api/iterations/{id}/review',
    "The iteration review's draft, published revisions and actions (late, did it work)",
    steering,
  ),
  request: { params: iterationParams },
  responses: answers(200, ZIterationReview, 'The review as it stands'),
});

export const saveIterationReview = createRoute({
  ...endpoint(
    'put',
    '/api/iterations/{id}/review',
    "Save the review's draft over the version it was read at",
    access({ roles: ['steering'], fn: 'steering', maxBodyBytes: 256 * 1024 }),
  ),
  request: { params: iterationParams, body: jsonBody(ZReviewDraftInput) },
  responses: answers(200, ZReviewDraft, 'The draft, at its next version'),
});

export const publishIterationReview = createRoute({
  ...endpoint(
    'post',
    '/api/iterations/{id}/review/publish',
    'Publish the draft as the next revision (never overwriting one)',
    steering,
  ),
  request: { params: iterationParams },
  responses: answers(201, ZPublishedReview, 'The new revision'),
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
  setAdoption,
  iterationComments,
  iterationHeatmap,
  trainingDemand,
  ideasSummary,
  trends,
  involvement,
  headcount,
  startRosterImport,
  rosterImport,
  stageRosterChunk,
  completeRosterImport,
  listIdeas,
  submitIdea,
  getIdea,
  voteForIdea,
  takeBackVote,
  editIdea,
  changeIdeaStatus,
  mergeIdea,
  listIdeaComments,
  postIdeaComment,
  hideIdeaComment,
  moderationQueue,
  getIterationReview,
  saveIterationReview,
  publishIterationReview,
  listConventions,
  adoptConvention,
  reviseConvention,
  updates,
  markUpdatesSeen,
] as const;

export type TApiRoute = (typeof apiRoutes)[number];
