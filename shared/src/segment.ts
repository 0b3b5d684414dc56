import * as z from 'zod';
import type { TMember } from './member.js';
import { POOLED } from './pooled.js';

/** The dimensions results can be broken down by. None of them, alone or together, names a person. */
export const ZSegmentDimension = z
  .enum(['team', 'site', 'trainingLevel', 'ambassador'])
  .meta({ id: 'SegmentDimension' });
export type TSegmentDimension = z.infer<typeof ZSegmentDimension>;

/**
 * A member's disclosure segment, frozen when the iteration opened: stored with the response
 * instead of who answered. Rare values are pooled so every segment is held by at least k members.
 */
export const ZSegment = z
  .object({
    team: z.string(),
    site: z.string(),
    trainingLevel: z.string(),
    ambassador: z.enum(['yes', 'no', POOLED]),
  })
  .meta({ id: 'Segment' });
export type TSegment = z.infer<typeof ZSegment>;

export function segmentOf(member: TMember): TSegment {
  return {
    team: member.team,
    site: member.site,
    trainingLevel: member.trainingLevel,
    ambassador: member.ambassador ? 'yes' : 'no',
  };
}

/** Member counts per dimension value: the denominators of participation by segment. */
export const ZHeadcount = z
  .object({
    total: z.number().int().nonnegative(),
    byDimension: z.record(ZSegmentDimension, z.record(z.string(), z.number().int().nonnegative())),
  })
  .meta({ id: 'Headcount' });
export type THeadcount = z.infer<typeof ZHeadcount>;

export function headcountOf(members: readonly TMember[]): THeadcount {
  const byDimension: THeadcount['byDimension'] = {
    team: {},
    site: {},
    trainingLevel: {},
    ambassador: {},
  };
  for (const member of members) {
    const segment = segmentOf(member);
    for (const dimension of ZSegmentDimension.options) {
      const counts = (byDimension[dimension] ??= {});
      counts[segment[dimension]] = (counts[segment[dimension]] ?? 0) + 1;
    }
  }
  return { total: members.length, byDimension };
}
