import { ZSegmentDimension, type TSegmentDimension } from '../segment.js';
import { answeredCounter, RESPONDENTS, respondentsIn, type TTally } from '../tally.js';
import { compareKeys } from './order.js';
import { groupsToWithhold } from './suppression.js';

/** The counters a release freezes: overall and every group of every dimension (disclosure values). */
export type TReleaseTallies = {
  overall: TTally;
  byDimension: Record<TSegmentDimension, Record<string, TTally>>;
};

/*
 * Why releases. Whoever reads results twice can subtract the two reads: if live counters were
 * shown, one answer more between two reads would be one person's answer. So results move only by
 * releases, and a release may follow another only if every difference it creates — overall and
 * in every group of every dimension, in respondents (`n`) and in answers to each question
 * (`a:<question>`) — is 0 or at least k. Counters only grow, so the difference between any two
 * releases, consecutive or not, is a sum of such differences: 0 or at least k too.
 */

const counterNames = (questionIds: readonly string[]): string[] => [
  RESPONDENTS,
  ...questionIds.map(answeredCounter),
];

/** A difference that would isolate fewer than k respondents (negative ones included). */
const isolates = (difference: number, k: number): boolean =>
  difference !== 0 && Math.abs(difference) < k;

const differenceOf = (next: TTally, previous: TTally | undefined, counter: string): number =>
  (next[counter] ?? 0) - (previous?.[counter] ?? 0);

/** The first counter whose difference isolates fewer than k, with that difference. */
function failingCounter(
  previous: TTally | undefined,
  next: TTally,
  k: number,
  counters: readonly string[],
): { counter: string; difference: number } | null {
  for (const counter of counters) {
    const difference = differenceOf(next, previous, counter);
    if (isolates(difference, k)) return { counter, difference };
  }
  return null;
}

const groupValues = (...tables: (Record<string, TTally> | undefined)[]): string[] =>
  [...new Set(tables.flatMap((table) => Object.keys(table ?? {})))].sort(compareKeys);

/** Why `next` may not be released after `previous` (null: it may). */
export function releaseRefusal(
  previous: TReleaseTallies | null,
  next: TReleaseTallies,
  k: number,
  questionIds: readonly string[],
): string | null {
  const counters = counterNames(questionIds);
  const overall = failingCounter(previous?.overall, next.overall, k, counters);
  if (overall) return `overall: ${describe(overall)}, 0 or at least ${k} needed`;
  for (const dimension of ZSegmentDimension.options) {
    const before = previous?.byDimension[dimension];
    const after = next.byDimension[dimension];
    for (const value of groupValues(before, after)) {
      const failing = failingCounter(before?.[value], after[value] ?? {}, k, counters);
      if (failing) {
        return `${dimension} ${JSON.stringify(value)}: ${describe(failing)}, 0 or at least ${k} needed`;
      }
    }
  }
  return null;
}

function describe({ counter, difference }: { counter: string; difference: number }): string {
  const what = counter === RESPONDENTS ? 'respondents' : `answers to ${counter.slice(2)}`;
  return `${difference > 0 ? '+' : ''}${difference} ${what}`;
}

const noneWithheld = (): Record<TSegmentDimension, string[]> => ({
  team: [],
  site: [],
  trainingLevel: [],
  ambassador: [],
});

const emptyTallies = (): TReleaseTallies => ({
  overall: {},
  byDimension: { team: {}, site: {}, trainingLevel: {}, ambassador: {} },
});

/**
 * The final release made at closing: the late answers' cells that would isolate fewer than k are
 * withheld.
 *
 * - Nothing isolates: the live tallies as they are.
 * - The overall difference isolates (1..k−1 late respondents, or answers to a question): it is
 *   shown whatever is withheld below it, so nothing of the late answers may be shown — the final
 *   release is `previous` unchanged. With no previous release, the live tallies if at least k
 *   answered (results suppress small groups on their own, there is nothing to subtract from),
 *   else nothing.
 * - Otherwise, per dimension, the groups whose difference isolates are withheld, with
 *   complementary suppression inside the difference: the overall difference minus the shown
 *   groups' differences is the withheld groups' difference together, so it must be 0 or at least
 *   k in every counter — else the shown group with the smallest new respondents that moves a
 *   failing counter is withheld too (one always exists, as the overall difference passes). And as
 *   a table of its own, the final figures go through `groupsToWithhold` from the withheld ones
 *   (a single withheld group, or fewer than k together, is given away by the total). Both rules
 *   run again until neither adds a group.
 *
 * A withheld group's tallies are `{}` here and it is listed in `withheld`; the caller stores in
 * its place what was last shown of it, so the next release is compared with that. When the
 * final release is `previous` unchanged, `withheld` is `previousWithheld` (the previous
 * release's list, which still applies to its figures).
 */
export function finalRelease(
  previous: TReleaseTallies | null,
  live: TReleaseTallies,
  k: number,
  questionIds: readonly string[],
  previousWithheld: Partial<Record<TSegmentDimension, readonly string[]>> = {},
): { tallies: TReleaseTallies; withheld: Record<TSegmentDimension, string[]> } {
  if (releaseRefusal(previous, live, k, questionIds) === null) {
    return { tallies: live, withheld: noneWithheld() };
  }
  const counters = counterNames(questionIds);
  if (failingCounter(previous?.overall, live.overall, k, counters)) {
    if (previous) {
      const withheld = noneWithheld();
      for (const dimension of ZSegmentDimension.options) {
        withheld[dimension] = [...(previousWithheld[dimension] ?? [])];
      }
      return { tallies: previous, withheld };
    }
    return respondentsIn(live.overall) >= k
      ? { tallies: live, withheld: noneWithheld() }
      : { tallies: emptyTallies(), withheld: noneWithheld() };
  }
  const withheld = noneWithheld();
  const byDimension = { ...live.byDimension };
  for (const dimension of ZSegmentDimension.options) {
    const hidden = withheldInDifference(
      previous?.byDimension[dimension] ?? {},
      live.byDimension[dimension],
      k,
      counters,
    );
    if (hidden.size === 0) continue;
    withheld[dimension] = [...hidden].sort(compareKeys);
    const groups = { ...live.byDimension[dimension] };
    for (const value of hidden) groups[value] = {};
    byDimension[dimension] = groups;
  }
  return { tallies: { overall: live.overall, byDimension }, withheld };
}

/** The groups of one dimension a final release withholds (see finalRelease). */
function withheldInDifference(
  previous: Record<string, TTally>,
  live: Record<string, TTally>,
  k: number,
  counters: readonly string[],
): Set<string> {
  const values = groupValues(previous, live);
  const difference = new Map(
    values.map((value) => [
      value,
      counters.map((counter) => differenceOf(live[value] ?? {}, previous[value], counter)),
    ]),
  );
  const diffOf = (value: string): number[] => difference.get(value) ?? counters.map(() => 0);
  let hidden = new Set(values.filter((value) => diffOf(value).some((d) => isolates(d, k))));
  if (hidden.size === 0) return hidden;
  for (;;) {
    // Complementary suppression inside the difference.
    for (;;) {
      const together = counters.map((_, index) =>
        [...hidden].reduce((sum, value) => sum + (diffOf(value)[index] ?? 0), 0),
      );
      const failing = counters.flatMap((_, index) =>
        isolates(together[index] ?? 0, k) ? [index] : [],
      );
      if (failing.length === 0) break;
      const complement = values
        .filter((value) => !hidden.has(value))
        .filter((value) => failing.some((index) => (diffOf(value)[index] ?? 0) !== 0))
        .sort((a, b) => (diffOf(a)[0] ?? 0) - (diffOf(b)[0] ?? 0) || compareKeys(a, b))[0];
      // None left (the groups do not add up to the overall tally): withhold the whole table.
      if (complement === undefined) return new Set(values);
      hidden.add(complement);
    }
    // The final figures as a table of their own.
    const table = groupsToWithhold(
      values.map((value) => ({ key: value, size: respondentsIn(live[value] ?? {}) })),
      k,
      hidden,
    );
    if (table.size === hidden.size) return hidden;
    hidden = table;
  }
}
