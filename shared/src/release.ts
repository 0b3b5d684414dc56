import { z } from 'zod';
import {
  dayRanges,
  finalRelease,
  releaseRefusal,
  type TReleaseTallies,
} from './disclosure/index.js';
import { ZSegmentDimension, type TSegmentDimension } from './segment.js';
import { respondentsIn } from './tally.js';

/** Which release the figures come from: results move only by releases (disclosure/). */
export const ZReleaseInfo = z
  .object({
    number: z.number().int().positive(),
    madeAt: z.string(),
    /** The release made when the iteration closed: it never changes. */
    final: z.boolean(),
  })
  .meta({ id: 'ReleaseInfo' });
export type TReleaseInfo = z.infer<typeof ZReleaseInfo>;

const ZCounters = z.record(z.string(), z.number());

/**
 * A release as stored: the counters it froze (overall and per group of every dimension), its
 * ranges of days, and the groups its figures withhold (late answers of a final release).
 */
export const ZRelease = z.object({
  info: ZReleaseInfo,
  tallies: z.object({
    overall: ZCounters,
    byDimension: z.record(ZSegmentDimension, z.record(z.string(), ZCounters)),
  }),
  dayRanges: z.array(z.object({ from: z.string(), to: z.string(), responses: z.number().int() })),
  withheld: z.partialRecord(ZSegmentDimension, z.array(z.string())),
});
export type TRelease = z.infer<typeof ZRelease>;

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
 * The release to make now, or null when none may be made (nothing new, or too little new to
 * tell apart from one person). Groups whose late answers cannot be shown are withheld, and keep
 * in the stored counters what was last shown of them: the next release is compared with that,
 * so no two releases, consecutive or not, can be subtracted down to fewer than k respondents.
 */
export function nextRelease(input: TNextReleaseInput): TRelease | null {
  const { previous, live, k, madeAt, closing } = input;
  const before = previous?.tallies ?? null;
  const unchanged =
    respondentsIn(live.overall) === respondentsIn(before?.overall ?? {}) && previous !== null;
  if (unchanged && !closing) return null;
  const made =
    releaseRefusal(before, live, k, ANSWERS_UNCHECKED) === null
      ? { tallies: live, withheld: emptyWithheld() }
      : finalRelease(before, live, k, ANSWERS_UNCHECKED, previous?.withheld);
  const nothingShown = respondentsIn(made.tallies.overall) === respondentsIn(before?.overall ?? {});
  if (nothingShown && !closing) return null;
  if (respondentsIn(made.tallies.overall) === 0 && !closing) return null;
  const withheld = Object.fromEntries(
    ZSegmentDimension.options.map((dimension) => [dimension, made.withheld[dimension] ?? []]),
  ) as Record<TSegmentDimension, string[]>;
  const byDimension = Object.fromEntries(
    ZSegmentDimension.options.map((dimension) => {
      const groups = { ...made.tallies.byDimension[dimension] };
      for (const value of withheld[dimension]) {
        groups[value] = before?.byDimension[dimension]?.[value] ?? {};
      }
      return [dimension, groups];
    }),
  ) as TReleaseTallies['byDimension'];
  return {
    info: { number: (previous?.info.number ?? 0) + 1, madeAt, final: closing },
    tallies: { overall: made.tallies.overall, byDimension },
    dayRanges: dayRanges(made.tallies.overall, k, previous?.dayRanges),
    withheld,
  };
}

function emptyWithheld(): Record<TSegmentDimension, string[]> {
  return { team: [], site: [], trainingLevel: [], ambassador: [] };
}
