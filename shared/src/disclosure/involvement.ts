import type {
  TInvolvementFigures,
  TInvolvementGroup,
  TInvolvementSnapshot,
  TInvolvementTally,
} from '../involvement.js';
import { compareGroups } from '../group-order.js';
import type { THeadcount, TSegmentDimension } from '../segment.js';
import { groupsToWithhold } from './suppression.js';

/** Members without a frozen segment: counted overall, never shown as a group. */
const NO_SEGMENT = '\u0000no segment';

export type TInvolvementDisclosure = {
  figures: TInvolvementFigures | null;
  groups: TInvolvementGroup[];
};

function figuresOf(
  tallies: readonly TInvolvementTally[],
  members: number,
  contributors: number,
): TInvolvementFigures {
  const sum = (kind: 'ideas' | 'votes' | 'comments') =>
    tallies.reduce((total, tally) => total + tally[kind], 0);
  return {
    members,
    contributors,
    ideas: sum('ideas'),
    votes: sum('votes'),
    comments: sum('comments'),
  };
}

/**
 * Involvement figures of a closed iteration that may be shown, from its snapshot. The size that
 * decides is the number of distinct contributors: a group's counts describe what those members
 * did, so a group of fewer than k contributors is withheld, and more by complementary
 * suppression since the total is shown (`groupsToWithhold`). Members without a frozen segment
 * are a group of their own that is never shown, so the total minus the shown groups cannot
 * single them out either. Under k contributors in all, nothing is shown.
 */
export function involvementToShow(
  snapshot: TInvolvementSnapshot,
  headcount: THeadcount,
  k: number,
  by: TSegmentDimension | null,
): TInvolvementDisclosure {
  // Groups in the order every table shows them: levels as they go, pooled last.
  const keys = by ? Object.keys(headcount.byDimension[by] ?? {}).sort(compareGroups(by)) : [];
  const withheldGroup = (key: string): TInvolvementGroup => ({ key, figures: null });
  if (snapshot.contributors < k) return { figures: null, groups: keys.map(withheldGroup) };
  const overall = figuresOf(snapshot.bySegment, headcount.total, snapshot.contributors);
  if (!by) return { figures: overall, groups: [] };
  const byGroup = new Map<string, TInvolvementTally[]>();
  for (const tally of snapshot.bySegment) {
    const key = tally.segment ? tally.segment[by] : NO_SEGMENT;
    const group = byGroup.get(key);
    if (group) group.push(tally);
    else byGroup.set(key, [tally]);
  }
  // A member has one frozen segment per iteration, so a group's contributors add up.
  const contributorsOf = (key: string) =>
    (byGroup.get(key) ?? []).reduce((total, tally) => total + tally.contributors, 0);
  const unsegmented = byGroup.has(NO_SEGMENT);
  const withheld = groupsToWithhold(
    [...keys, ...(unsegmented ? [NO_SEGMENT] : [])].map((key) => ({
      key,
      size: contributorsOf(key),
    })),
    k,
    new Set(unsegmented ? [NO_SEGMENT] : []),
  );
  return {
    figures: overall,
    groups: keys.map((key) =>
      withheld.has(key)
        ? withheldGroup(key)
        : {
            key,
            figures: figuresOf(
              byGroup.get(key) ?? [],
              headcount.byDimension[by]?.[key] ?? 0,
              contributorsOf(key),
            ),
          },
    ),
  };
}
