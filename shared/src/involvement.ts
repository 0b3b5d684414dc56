import { z } from 'zod';
import { ZSegmentDimension, type TSegment } from './segment.js';

/** What members do around ideas: submit one, vote for one, comment on one. */
export const ZInvolvementKind = z.enum(['idea', 'vote', 'comment']).meta({ id: 'InvolvementKind' });
export type TInvolvementKind = z.infer<typeof ZInvolvementKind>;

/**
 * One thing a member did, as involvement figures read it: an opaque key of the member (never
 * their email), their disclosure segment frozen for the iteration (null when they had none) and
 * when. Never leaves the API.
 */
export type TInvolvementAction = {
  kind: TInvolvementKind;
  actor: string;
  segment: TSegment | null;
  at: string;
};

export const ZInvolvementFigures = z
  .object({
    /** Members of the group when the iteration opened: the denominator of every ratio. */
    members: z.number().int().nonnegative(),
    /** Distinct members who submitted, voted or commented at least once. */
    contributors: z.number().int().nonnegative(),
    ideas: z.number().int().nonnegative(),
    votes: z.number().int().nonnegative(),
    comments: z.number().int().nonnegative(),
  })
  .meta({ id: 'InvolvementFigures' });
export type TInvolvementFigures = z.infer<typeof ZInvolvementFigures>;

export const ZInvolvementGroup = z
  .object({
    key: z.string(),
    /** Null: withheld (fewer than k contributors, or to protect a withheld neighbour). */
    figures: ZInvolvementFigures.nullable(),
  })
  .meta({ id: 'InvolvementGroup' });
export type TInvolvementGroup = z.infer<typeof ZInvolvementGroup>;

export const ZInvolvementIteration = z
  .object({
    iterationId: z.number().int().positive(),
    name: z.string(),
    /** Null: fewer than k members contributed in the whole iteration. */
    figures: ZInvolvementFigures.nullable(),
    /** One per group of the breakdown asked for; empty without one. */
    groups: z.array(ZInvolvementGroup),
  })
  .meta({ id: 'InvolvementIteration' });
export type TInvolvementIteration = z.infer<typeof ZInvolvementIteration>;

export const ZInvolvement = z
  .object({
    by: ZSegmentDimension.nullable(),
    k: z.number().int().positive(),
    /** Closed iterations only, oldest first: their figures never change once closed. */
    iterations: z.array(ZInvolvementIteration),
  })
  .meta({ id: 'Involvement' });
export type TInvolvement = z.infer<typeof ZInvolvement>;
