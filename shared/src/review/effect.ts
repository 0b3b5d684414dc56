import type { TTrends } from '../trends.js';
import type { TActionEffect, TReviewAction } from './index.js';

/**
 * Did a done action work, read from trends computed on exactly two iterations — the reviewed
 * one (before) and the latest released one from the action's due iteration (after) — or on the
 * reviewed one alone while there is no after yet. The figures and the test are the trends' own:
 * gated, so a withheld side tells nothing ("not enough answers to tell"). Null for an action
 * not done or tracking nothing.
 */
export function actionEffect(
  action: Pick<TReviewAction, 'status' | 'trackedQuestionId'>,
  trends: TTrends,
): TActionEffect | null {
  const questionId = action.trackedQuestionId;
  const [beforeIteration, afterIteration] = trends.iterations;
  if (action.status !== 'done' || questionId === null || !beforeIteration) return null;
  const series = trends.overall.find(
    (candidate) =>
      candidate.questionId === questionId &&
      (candidate.kind === 'mean' || candidate.kind === 'enps'),
  );
  const figure = (index: number, iterationId: number) => {
    const point = series?.points[index];
    return { iterationId, value: point?.value ?? null, n: point?.n ?? null };
  };
  const before = figure(0, beforeIteration.id);
  const after = afterIteration ? figure(1, afterIteration.id) : null;
  const kind = series?.kind === 'mean' || series?.kind === 'enps' ? series.kind : null;
  const unmeasured = (outcome: TActionEffect['outcome']): TActionEffect => ({
    questionId,
    kind,
    before,
    after,
    outcome,
    estimate: null,
    pValue: null,
    verdict: null,
  });
  if (!after) return unmeasured('not-yet');
  const points = series?.points ?? [];
  if (points.some((point) => point.withheld)) return unmeasured('too-few-answers');
  if (before.value === null || after.value === null) return unmeasured('not-asked');
  // Both figures shown, yet no test (too few answers on one side for it): nothing to tell.
  const change = series?.changes[1];
  if (!change) return unmeasured('too-few-answers');
  return {
    ...unmeasured('measured'),
    estimate: change.estimate,
    pValue: change.pValue,
    verdict: change.verdict,
  };
}
