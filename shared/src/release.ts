import * as z from 'zod';
import { ZSegmentDimension } from './segment.js';

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
