import {
  involvementToShow,
  tallyInvolvement,
  type TInvolvement,
  type TInvolvementAction,
  type TInvolvementSnapshot,
  type TIteration,
  type TSegmentDimension,
} from '@boucle/shared';
import type { TAppDeps } from '../http/env.js';

type TClosedIteration = TIteration & {
  closedAt: string;
  headcount: NonNullable<TIteration['headcount']>;
};

const isClosed = (iteration: TIteration): iteration is TClosedIteration =>
  (iteration.status === 'closed' || iteration.status === 'reviewed') &&
  iteration.closedAt !== null &&
  iteration.headcount !== null;

/**
 * Everything members did around the ideas of an iteration before it closed: each idea, each vote
 * cast (not the copies a merge made) and each comment, with who (an opaque key) and their frozen
 * segment. Reads the iteration's ideas, then each idea's votes and comments.
 */
async function actionsAround(
  deps: TAppDeps,
  iteration: TClosedIteration,
): Promise<TInvolvementAction[]> {
  const before = (at: string) => at <= iteration.closedAt;
  const ideas = await deps.ideas.all([iteration.id]);
  const actions: TInvolvementAction[] = [];
  for (const idea of ideas) {
    if (idea.authorKey && before(idea.createdAt)) {
      actions.push({
        kind: 'idea',
        actor: idea.authorKey,
        segment: idea.segment,
        at: idea.createdAt,
      });
    }
    const [votes, comments] = await Promise.all([
      deps.ideas.votesCastFor(idea.id),
      deps.ideaComments.allOf(idea.id),
    ]);
    for (const vote of votes) {
      if (before(vote.votedAt)) {
        actions.push({ kind: 'vote', actor: vote.voter, segment: vote.segment, at: vote.votedAt });
      }
    }
    for (const comment of comments) {
      if (before(comment.createdAt)) {
        actions.push({
          kind: 'comment',
          actor: comment.authorKey,
          segment: comment.segment,
          at: comment.createdAt,
        });
      }
    }
  }
  return actions;
}

/**
 * The snapshot of a closed iteration, counted the first time it is asked for and kept: what a
 * later vote taken back or merge changes never reaches figures already shown.
 */
async function snapshotOf(
  deps: TAppDeps,
  iteration: TClosedIteration,
): Promise<TInvolvementSnapshot> {
  const kept = await deps.involvement.snapshotOf(iteration.id);
  if (kept) return kept;
  const counted = tallyInvolvement(
    iteration.id,
    await actionsAround(deps, iteration),
    deps.now().toISOString(),
  );
  if (await deps.involvement.keep(counted)) return counted;
  const other = await deps.involvement.snapshotOf(iteration.id);
  if (!other) throw new Error(`The involvement of iteration ${iteration.id} vanished`);
  return other;
}

/** Involvement per closed iteration, oldest first, through the disclosure gate. */
export async function involvementOf(
  deps: TAppDeps,
  by: TSegmentDimension | null,
): Promise<TInvolvement> {
  const closed = (await deps.iterations.list()).filter(isClosed);
  const iterations = await Promise.all(
    closed.map(async (iteration) => {
      const shown = involvementToShow(
        await snapshotOf(deps, iteration),
        iteration.headcount,
        deps.k,
        by,
      );
      return { iterationId: iteration.id, name: iteration.name, ...shown };
    }),
  );
  return { by, k: deps.k, iterations };
}
