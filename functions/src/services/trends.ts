import {
  computeTrends,
  readsOwnTeamOnly,
  type TSegmentDimension,
  type TTrends,
} from '@boucle/shared';
import {
  hasOpened,
  refuseBreakdownOfOwnTeam,
  resultsFor,
  type TReader,
  type TResultsDeps,
} from './results.js';

/**
 * Every opened iteration side by side, from the same gated results the results route returns.
 * Reads a fixed number of items per iteration, however many responses: its item in the
 * iterations list, its latest release (or, while it is open, its tally shards to make the next
 * one), and for an ambassador their frozen segment — never a response.
 */
export async function trendsOf(
  deps: TResultsDeps,
  by: TSegmentDimension | null,
  reader: TReader,
): Promise<TTrends> {
  refuseBreakdownOfOwnTeam(reader, by);
  const opened = (await deps.iterations.listWithPulses()).filter(hasOpened);
  const iterations = await Promise.all(
    opened.map(async (found) => ({
      iteration: found.iteration,
      pulse: found.pulse,
      results: await resultsFor(deps, found, by, reader),
    })),
  );
  const ownTeamOnly = readsOwnTeamOnly(reader.roles);
  return computeTrends({
    k: deps.k,
    by: ownTeamOnly ? null : by,
    scope: ownTeamOnly
      ? {
          dimension: 'team',
          teams: iterations.map(({ iteration, results }) => ({
            iterationId: iteration.id,
            value: results.scope?.value ?? null,
            pooled: results.scope?.pooled ?? false,
          })),
        }
      : null,
    iterations,
  });
}
