import {
  actionEffect,
  computeTrends,
  currentIterationId,
  DomainError,
  ideaFields,
  isOverdue,
  linkedIdeaIds,
  type TFieldErrors,
  type TIterationReview,
  type TPublishedReview,
  type TReviewAction,
  type TReviewContent,
  type TReviewDraft,
  type TReviewDraftInput,
  type TReviewIdea,
  type TResults,
} from '@boucle/shared';
import type { IdeasRepository } from '../repositories/ideas.js';
import type { TIterationWithPulse } from '../repositories/iterations.js';
import type { ReviewsRepository } from '../repositories/reviews.js';
import {
  hasOpened,
  resultsFor,
  type TOpenedIteration,
  type TReader,
  type TResultsDeps,
} from './results.js';

export type TReviewDeps = TResultsDeps & { reviews: ReviewsRepository; ideas: IdeasRepository };

async function iterationOf(deps: TReviewDeps, iterationId: number) {
  const found = await deps.iterations.get(iterationId);
  if (!found) throw new DomainError('not_found', 'No such iteration');
  return found;
}

/**
 * The steering group's review of an iteration: its draft, its published revisions, and its
 * actions (the draft's, else the latest revision's) with whether each is late and, once done,
 * whether it worked.
 */
export async function iterationReview(
  deps: TReviewDeps,
  iterationId: number,
  reader: TReader,
): Promise<TIterationReview> {
  const [found, draft, revisions, all] = await Promise.all([
    iterationOf(deps, iterationId),
    deps.reviews.draftOf(iterationId),
    deps.reviews.revisionsOf(iterationId),
    deps.iterations.listWithPulses(),
  ]);
  const content = draft?.content ?? revisions[0]?.content ?? null;
  const current = currentIterationId(all.map(({ iteration }) => iteration));
  // Several actions compare the same iterations: each one's results are read once.
  const results = new Map<number, Promise<TResults>>();
  const gated = (opened: TOpenedIteration) => {
    const known = results.get(opened.iteration.id);
    if (known) return known;
    const read = resultsFor(deps, opened, null, reader);
    results.set(opened.iteration.id, read);
    return read;
  };
  const actions = await Promise.all(
    (content?.actions ?? []).map(async (action) => ({
      ...action,
      overdue: isOverdue(action, current),
      effect: await effectOf(deps, action, found, all, gated),
    })),
  );
  const ideas = await ideaTitles(deps, [
    ...(draft ? [draft.content] : []),
    ...revisions.map((revision) => revision.content),
  ]);
  return {
    iteration: found.iteration,
    draft,
    revisions,
    actions,
    currentIterationId: current,
    ideas,
  };
}

/**
 * Before: the reviewed iteration's figures; after: the latest closed iteration from the due one
 * on (an open one's figures still move). Both gated as results are (`resultsFor`), compared by
 * `computeTrends` on just those two.
 */
async function effectOf(
  deps: TReviewDeps,
  action: TReviewAction,
  reviewed: TIterationWithPulse,
  all: readonly TIterationWithPulse[],
  gated: (opened: TOpenedIteration) => Promise<TResults>,
) {
  if (action.status !== 'done' || action.trackedQuestionId === null) return null;
  if (!hasOpened(reviewed)) return null;
  const from = Math.max(action.dueIterationId, reviewed.iteration.id + 1);
  const after = all
    .filter(hasOpened)
    .filter(({ iteration }) => iteration.id >= from && iteration.status !== 'open')
    .at(-1);
  const iterations = await Promise.all(
    [reviewed, ...(after ? [after] : [])].map(async (found) => ({
      iteration: found.iteration,
      pulse: found.pulse,
      results: await gated(found),
    })),
  );
  return actionEffect(action, computeTrends({ k: deps.k, by: null, scope: null, iterations }));
}

async function ideaTitles(
  deps: TReviewDeps,
  contents: readonly TReviewContent[],
): Promise<TReviewIdea[]> {
  const ids = [...new Set(contents.flatMap(linkedIdeaIds))];
  const found = await Promise.all(ids.map((id) => deps.ideas.get(id)));
  return found.flatMap((idea) => (idea ? [{ id: idea.id, title: idea.title }] : []));
}

/**
 * What in a draft points nowhere: an idea, a due iteration or a tracked question (a scale or
 * eNPS question of some pulse) that does not exist, each by its field.
 */
async function refuseDanglingReferences(deps: TReviewDeps, content: TReviewContent) {
  const [all, ideas] = await Promise.all([
    deps.iterations.listWithPulses(),
    Promise.all(
      ideaFields(content).map(async (link) => ({ ...link, idea: await deps.ideas.get(link.id) })),
    ),
  ]);
  const fields: TFieldErrors = {};
  for (const link of ideas) if (!link.idea) fields[link.field] = 'no such idea';
  const iterationIds = new Set(all.map(({ iteration }) => iteration.id));
  const tracked = new Set(
    all.flatMap(({ pulse }) =>
      (pulse?.questions ?? [])
        .filter((question) => question.type === 'scale' || question.type === 'enps')
        .map((question) => question.id),
    ),
  );
  content.actions.forEach((action, index) => {
    if (!iterationIds.has(action.dueIterationId)) {
      fields[`actions.${index}.dueIterationId`] = 'no such iteration';
    }
    if (action.trackedQuestionId !== null && !tracked.has(action.trackedQuestionId)) {
      fields[`actions.${index}.trackedQuestionId`] = 'not a scale or eNPS question of a pulse';
    }
  });
  if (Object.keys(fields).length > 0) {
    throw new DomainError('invalid_input', 'The review points to what does not exist', fields);
  }
}

export async function saveReviewDraft(
  deps: TReviewDeps,
  iterationId: number,
  input: TReviewDraftInput,
): Promise<TReviewDraft> {
  await iterationOf(deps, iterationId);
  await refuseDanglingReferences(deps, input.content);
  return deps.reviews.saveDraft(iterationId, input.content, input.version, deps.now());
}

/**
 * Publishes the draft as the next revision, once the iteration has run (closed or reviewed):
 * members read the latest published review, which must be about figures that are final.
 */
export async function publishReview(
  deps: TReviewDeps,
  iterationId: number,
): Promise<TPublishedReview> {
  const { iteration } = await iterationOf(deps, iterationId);
  if (iteration.status !== 'closed' && iteration.status !== 'reviewed') {
    throw new DomainError(
      'iteration_not_closed',
      'Publish the review once the iteration has closed',
    );
  }
  const draft = await deps.reviews.draftOf(iterationId);
  if (!draft) throw new DomainError('nothing_to_publish', 'Save a draft first');
  return deps.reviews.publish(iteration, draft.content, deps.now());
}
