import * as z from 'zod';
import { ZSegment, ZSegmentDimension, type TSegment } from './segment.js';

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

/** What the members of one disclosure segment did in an iteration (null: members without one). */
export const ZInvolvementTally = z.object({
  segment: ZSegment.nullable(),
  contributors: z.number().int().nonnegative(),
  ideas: z.number().int().nonnegative(),
  votes: z.number().int().nonnegative(),
  comments: z.number().int().nonnegative(),
});
export type TInvolvementTally = z.infer<typeof ZInvolvementTally>;

/**
 * An iteration's involvement, counted once after it closed and kept: later votes taken back or
 * merges never change what was shown, so no two reads can be subtracted.
 */
export const ZInvolvementSnapshot = z.object({
  iterationId: z.number().int().positive(),
  countedAt: z.string(),
  /** Distinct members overall (a member counts once even if they appear in two tallies). */
  contributors: z.number().int().nonnegative(),
  bySegment: z.array(ZInvolvementTally),
});
export type TInvolvementSnapshot = z.infer<typeof ZInvolvementSnapshot>;

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

const segmentKeyOf = (segment: TSegment | null) =>
  segment
    ? JSON.stringify([segment.team, segment.site, segment.trainingLevel, segment.ambassador])
    : '';

/** Counts actions per disclosure segment, each member once per segment, and overall. */
export function tallyInvolvement(
  iterationId: number,
  actions: readonly TInvolvementAction[],
  countedAt: string,
): TInvolvementSnapshot {
  const tallies = new Map<string, { tally: TInvolvementTally; actors: Set<string> }>();
  for (const action of actions) {
    const key = segmentKeyOf(action.segment);
    let entry = tallies.get(key);
    if (!entry) {
      entry = {
        tally: { segment: action.segment, contributors: 0, ideas: 0, votes: 0, comments: 0 },
        actors: new Set(),
      };
      tallies.set(key, entry);
    }
    entry.actors.add(action.actor);
    entry.tally.contributors = entry.actors.size;
    entry.tally[`${action.kind}s`] += 1;
  }
  return {
    iterationId,
    countedAt,
    contributors: new Set(actions.map((action) => action.actor)).size,
    bySegment: [...tallies.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, entry]) => entry.tally),
  };
}
