import * as z from 'zod';

const ZCount = z.number().int().min(0).max(10_000_000);

/**
 * The social network's own adoption figures for an iteration, as its administration console
 * gives them (the seed's "members, engagement, degree of involvement"). Organisation-wide
 * counts entered by the steering group: no respondent is behind them.
 */
export const ZAdoptionInput = z
  .object({
    registeredMembers: ZCount,
    weeklyActiveMembers: ZCount,
    contributors: ZCount,
    posts: ZCount,
    comments: ZCount,
  })
  .refine((a) => a.weeklyActiveMembers <= a.registeredMembers, {
    message: 'must not exceed registeredMembers',
    path: ['weeklyActiveMembers'],
  })
  .refine((a) => a.contributors <= a.registeredMembers, {
    message: 'must not exceed registeredMembers',
    path: ['contributors'],
  })
  .meta({ id: 'AdoptionInput' });
export type TAdoptionInput = z.infer<typeof ZAdoptionInput>;

/** The ratios a review reads: how many registered members are active, how many active post. */
export const ZAdoptionRatios = z
  .object({
    activeShare: z.number().nullable(),
    contributorShare: z.number().nullable(),
  })
  .meta({ id: 'AdoptionRatios' });
export type TAdoptionRatios = z.infer<typeof ZAdoptionRatios>;

export function adoptionRatios(adoption: TAdoptionInput): TAdoptionRatios {
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  return {
    activeShare: share(adoption.weeklyActiveMembers, adoption.registeredMembers),
    contributorShare: share(adoption.contributors, adoption.weeklyActiveMembers),
  };
}
