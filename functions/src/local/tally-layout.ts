import type { TAppDeps } from '../http/env.js';

/**
 * Refuses to start on data an older `npm start` left in the tally layout before ADR 0021: the
 * open iteration's counts would silently vanish from its results, and closing would not stop
 * answers written under the old keys. Deleting `.data/dynamodb` lets the demo seed afresh.
 */
export async function refuseTalliesOfOldLayout(
  deps: Pick<TAppDeps, 'iterations' | 'responses'>,
): Promise<void> {
  const openId = await deps.iterations.openIterationId();
  const open = openId === null ? null : await deps.iterations.get(openId);
  if (!open?.pulse || !(await deps.responses.hasTalliesOfOldLayout(open.pulse.id))) return;
  throw new Error(
    `The open iteration's tallies (${open.pulse.id}) were written by an older version, in a ` +
      'layout this one no longer reads (ADR 0021). Stop, delete .data/dynamodb (the demo is ' +
      'seeded again) and run npm start again.',
  );
}
