import type { TIteration } from '../iteration.js';
import type { TReviewAction, TReviewContent } from './index.js';

/**
 * The iteration actions are late against: the open one, else the latest that was opened (a
 * draft iteration is only planned, it makes nothing late). Null before any opened.
 */
export function currentIterationId(iterations: readonly TIteration[]): number | null {
  const open = iterations.find((iteration) => iteration.status === 'open');
  if (open) return open.id;
  const opened = iterations.filter((iteration) => iteration.status !== 'draft');
  return opened.length === 0 ? null : Math.max(...opened.map((iteration) => iteration.id));
}

/** Not done, and due in an iteration before the current one (ids grow with time). */
export function isOverdue(
  action: Pick<TReviewAction, 'status' | 'dueIterationId'>,
  current: number | null,
): boolean {
  return action.status !== 'done' && current !== null && action.dueIterationId < current;
}

/** Every idea the review links to, each once, in reading order. */
export function linkedIdeaIds(content: TReviewContent): string[] {
  return [
    ...new Set([
      ...content.saidWeDid.flatMap((pair) => pair.ideaIds),
      ...content.decisions.flatMap((decision) => decision.ideaIds),
      ...content.actions.flatMap((action) => action.ideaIds),
    ]),
  ];
}

/** Where each linked idea sits, as a field path (`actions.2.ideaIds.0`) for a refusal. */
export function ideaFields(content: TReviewContent): { id: string; field: string }[] {
  const sections = [
    ['saidWeDid', content.saidWeDid],
    ['decisions', content.decisions],
    ['actions', content.actions],
  ] as const;
  return sections.flatMap(([name, items]) =>
    items.flatMap((item, index) =>
      item.ideaIds.map((id, position) => ({ id, field: `${name}.${index}.ideaIds.${position}` })),
    ),
  );
}

/** Same text, pairs, decisions and actions in the same order: publishing it again says nothing. */
export function sameContent(a: TReviewContent, b: TReviewContent): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

// Key order fixed, so content read back from storage compares equal to what was saved.
const canonical = (content: TReviewContent) => ({
  summary: content.summary,
  saidWeDid: content.saidWeDid.map(({ said, did, ideaIds }) => ({ said, did, ideaIds })),
  decisions: content.decisions.map(({ text, ideaIds }) => ({ text, ideaIds })),
  actions: content.actions.map((action) => ({
    id: action.id,
    title: action.title,
    ideaIds: action.ideaIds,
    owner: action.owner,
    dueIterationId: action.dueIterationId,
    trackedQuestionId: action.trackedQuestionId,
    status: action.status,
  })),
});
