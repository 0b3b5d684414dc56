import type { TRelease } from '../release.js';
import { ZSegmentDimension } from '../segment.js';
import { respondentsIn, type TTally } from '../tally.js';
import { dayRanges } from './days.js';
import { finalRelease, type TReleaseTallies } from './release.js';

export type TNextReleaseInput = {
  previous: TRelease | null;
  /** The live counters now, overall and per disclosure group. */
  live: TReleaseTallies;
  k: number;
  madeAt: string;
  /** The iteration has closed: this release is the final one. */
  closing: boolean;
};

/**
 * Releases are checked on respondents only: every figure of a difference is then an aggregate
 * over at least k new respondents of its group, whoever among them answered an optional
 * question — so a question answered by few of them does not hold the whole group back.
 */
const ANSWERS_UNCHECKED: readonly string[] = [];

/**
 * Whether a new release may be made, from the overall tally alone: with a previous release and
 * the iteration still open, fewer than k new respondents overall can never make one (the
 * overall difference would isolate them, and counters only grow), so results serve the
 * previous release without reading any breakdown. True means: read everything and ask
 * `nextRelease`.
 */
export function mayMakeRelease(input: {
  previous: TRelease | null;
  overall: TTally;
  k: number;
  closing: boolean;
}): boolean {
  const { previous, overall, k, closing } = input;
  if (!previous || closing) return true;
  return respondentsIn(overall) - respondentsIn(previous.tallies.overall) >= k;
}

/**
 * The release to make now (`finalRelease` shows everything when nothing isolates, and withholds
 * the groups that would otherwise), or null when none may be made (nothing new, or too little new to
 * tell apart from one person). Groups whose late answers cannot be shown are withheld, and keep
 * in the stored counters what was last shown of them: the next release is compared with that,
 * so no two releases, consecutive or not, can be subtracted down to fewer than k respondents.
 */
export function nextRelease(input: TNextReleaseInput): TRelease | null {
  const { previous, live, k, madeAt, closing } = input;
  const before = previous?.tallies ?? null;
  const made = finalRelease(before, live, k, ANSWERS_UNCHECKED, previous?.withheld);
  // Counters only grow: the same respondents overall means nothing new may be shown.
  const nothingNew = respondentsIn(made.tallies.overall) === respondentsIn(before?.overall ?? {});
  if (nothingNew && !closing) return null;
  const byDimension = Object.fromEntries(
    ZSegmentDimension.options.map((dimension) => {
      const groups = { ...made.tallies.byDimension[dimension] };
      for (const value of made.withheld[dimension]) {
        groups[value] = before?.byDimension[dimension]?.[value] ?? {};
      }
      return [dimension, groups];
    }),
  ) as TReleaseTallies['byDimension'];
  return {
    info: { number: (previous?.info.number ?? 0) + 1, madeAt, final: closing },
    tallies: { overall: made.tallies.overall, byDimension },
    dayRanges: dayRanges(made.tallies.overall, k, previous?.dayRanges),
    withheld: made.withheld,
  };
}
