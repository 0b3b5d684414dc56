import type { Hono } from 'hono';
import type { TAppDeps, TAppEnv } from '../http/env.js';
import { serveApi, type TApiArea } from '../http/serve-api.js';
import { serveAdoption } from '../routes/adoption.js';
import { serveComments } from '../routes/comments.js';
import { serveConventions } from '../routes/conventions.js';
import { serveIdeaComments } from '../routes/idea-comments.js';
import { serveIdeaTriage } from '../routes/idea-triage.js';
import { serveIdeas } from '../routes/ideas.js';
import { serveIdeasSummary } from '../routes/ideas-summary.js';
import { serveInvolvement } from '../routes/involvement.js';
import { serveIterations } from '../routes/iterations.js';
import { serveMembers } from '../routes/members.js';
import { serveReview } from '../routes/review.js';
import { serveTrends } from '../routes/trends.js';

/** The areas holding the steering function's routes (`x-function: steering`). */
export const STEERING_AREAS: readonly TApiArea[] = [
  serveIterations,
  serveAdoption,
  serveComments,
  serveMembers,
  serveTrends,
  serveIdeas,
  serveIdeaTriage,
  serveIdeaComments,
  serveConventions,
  serveReview,
  serveInvolvement,
  serveIdeasSummary,
];

/** The steering function's app: no OpenAPI document generator, no receipt secret. */
export function createSteeringApp(deps: TAppDeps): Hono<TAppEnv> {
  return serveApi(deps, ['steering'], STEERING_AREAS);
}
