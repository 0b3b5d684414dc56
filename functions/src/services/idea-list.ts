import {
  DomainError,
  ideaTeam,
  matchesSearch,
  mostSimilar,
  trendingOrder,
  type TIdeaList,
  type TIdeasQuery,
} from '@boucle/shared';
import * as z from 'zod';
import type { TIdentity } from '../auth/identity.js';
import type { TAppDeps } from '../http/env.js';
import type { TStoredIdea } from '../repositories/ideas.js';
import { callerSegment, currentIterationId } from './idea-segment.js';
import { ideaFor, voterOf } from './ideas.js';

/** Similar ideas come from the current iteration and the two before it. */
const SIMILAR_ITERATIONS = 3;

/**
 * A page of ideas. The plain board (one iteration, top or new, no filter) is read page by page
 * from DynamoDB; filters, search, trending and `iteration=all` read the iterations' ideas (at
 * most `MAX_IDEAS_READ`), filter and sort them in memory, and page by offset. Duplicates are
 * hidden unless asked for with `status=duplicate`.
 */
export async function listIdeas(
  deps: TAppDeps,
  caller: TIdentity,
  query: TIdeasQuery,
): Promise<TIdeaList> {
  const [current, myTeam] = await Promise.all([currentIterationId(deps), teamOf(deps, caller)]);
  const page =
    query.similar !== undefined
      ? { ideas: await similarIdeas(deps, current, query.similar), nextCursor: null }
      : isPlain(query)
        ? await deps.ideas.page(
            typeof query.iteration === 'number' ? query.iteration : current,
            query.sort,
            query.limit,
            query.cursor,
          )
        : await filteredPage(deps, current, query);
  const voted =
    page.ideas.length > 0
      ? await deps.ideas.votedAmong(
          page.ideas.map((idea) => idea.id),
          voterOf(deps, caller.email),
        )
      : new Set<string>();
  return {
    ideas: page.ideas.map((idea) => ideaFor(idea, caller, voted.has(idea.id))),
    nextCursor: page.nextCursor,
    myTeam,
  };
}

const isPlain = (query: TIdeasQuery): boolean =>
  query.iteration !== 'all' &&
  query.sort !== 'trending' &&
  query.status === undefined &&
  query.category === undefined &&
  query.team === undefined &&
  !query.q;

/** Only ambassadors and the steering group are offered "my team": the others skip the reads. */
async function teamOf(deps: TAppDeps, caller: TIdentity): Promise<string | null> {
  if (!caller.roles.some((role) => role === 'ambassador' || role === 'steering')) return null;
  return ideaTeam((await callerSegment(deps, caller.email.toLowerCase())).segment);
}

/** Iteration ids run from 1 and ideas only go to the current one or earlier: `all` is 0..current. */
function iterationIdsOf(current: number, query: TIdeasQuery): number[] {
  if (query.iteration === 'all') return Array.from({ length: current + 1 }, (_, id) => id);
  return [query.iteration ?? current];
}

const ZOffsetCursor = z.object({ offset: z.number().int().min(0) }).strict();

function offsetOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  try {
    return ZOffsetCursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString())).offset;
  } catch {
    throw new DomainError('invalid_input', 'Unknown cursor', {
      cursor: 'not a cursor of this list',
    });
  }
}

const byNewest = (a: TStoredIdea, b: TStoredIdea) =>
  b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

async function filteredPage(deps: TAppDeps, current: number, query: TIdeasQuery) {
  const offset = offsetOf(query.cursor);
  const read = await deps.ideas.all(iterationIdsOf(current, query));
  const kept = read.filter(
    (idea) =>
      (query.status === undefined ? idea.status !== 'duplicate' : idea.status === query.status) &&
      (query.category === undefined || idea.category === query.category) &&
      (query.team === undefined || ideaTeam(idea.segment) === query.team) &&
      (!query.q || matchesSearch(idea.searchText, query.q)),
  );
  const sorted =
    query.sort === 'trending'
      ? trendingOrder(kept, deps.now())
      : query.sort === 'top'
        ? kept.sort((a, b) => b.votes - a.votes || byNewest(a, b))
        : kept.sort(byNewest);
  const end = offset + query.limit;
  return {
    ideas: sorted.slice(offset, end),
    nextCursor:
      end < sorted.length
        ? Buffer.from(JSON.stringify({ offset: end })).toString('base64url')
        : null,
  };
}

async function similarIdeas(deps: TAppDeps, current: number, draft: string) {
  const iterations = Array.from({ length: SIMILAR_ITERATIONS }, (_, back) => current - back).filter(
    (id) => id >= 0,
  );
  const ideas = await deps.ideas.all(iterations);
  return mostSimilar(
    draft,
    ideas.filter((idea) => idea.status !== 'duplicate'),
  );
}
