import type { TInvolvementAction, TInvolvementFigures, TInvolvementGroup } from '../involvement.js';
import type { THeadcount, TSegmentDimension } from '../segment.js';
import { compareKeys } from './order.js';
import { groupsToWithhold } from './suppression.js';

/** Actions of members who had no frozen segment: counted overall, never shown as a group. */
const NO_SEGMENT = '\u0000no segment';

export type TInvolvementDisclosure = {
  figures: TInvolvementFigures | null;
  groups: TInvolvementGroup[];
};

function figuresOf(actions: readonly TInvolvementAction[], members: number): TInvolvementFigures {
  const count = (kind: TInvolvementAction['kind']) =>
    actions.filter((action) => action.kind === kind).length;
  return {
    members,
    contributors: new Set(actions.map((action) => action.actor)).size,
    ideas: count('idea'),
    votes: count('vote'),
    comments: count('comment'),
  };
}

/**
 * Involvement figures of a closed iteration that may be shown. The size that decides is the
 * number of distinct contributors: a group's counts describe what those members did, so a group
 * of fewer than k contributors is withheld, and more by complementary suppression since the total
 * is shown (`groupsToWithhold`). Members without a frozen segment are a group of their own that
 * is never shown, so the total minus the shown groups cannot single them out either. Under k
 * contributors in all, nothing is shown.
 */
export function involvementToShow(
  actions: readonly TInvolvementAction[],
  headcount: THeadcount,
  k: number,
  by: TSegmentDimension | null,
): TInvolvementDisclosure {
  const overall = figuresOf(actions, headcount.total);
  if (overall.contributors < k) {
    return { figures: null, groups: by ? groupKeys(headcount, by).map(withheldGroup) : [] };
  }
  if (!by) return { figures: overall, groups: [] };
  const byGroup = new Map<string, TInvolvementAction[]>();
  for (const action of actions) {
    const key = action.segment ? action.segment[by] : NO_SEGMENT;
    const group = byGroup.get(key);
    if (group) group.push(action);
    else byGroup.set(key, [action]);
  }
  const keys = groupKeys(headcount, by);
  const contributorsOf = (key: string) => new Set(byGroup.get(key)?.map((a) => a.actor)).size;
  const sizes = [...keys, ...(byGroup.has(NO_SEGMENT) ? [NO_SEGMENT] : [])].map((key) => ({
    key,
    size: contributorsOf(key),
  }));
  const withheld = groupsToWithhold(
    sizes,
    k,
    byGroup.has(NO_SEGMENT) ? new Set([NO_SEGMENT]) : new Set(),
  );
  return {
    figures: overall,
    groups: keys.map((key) =>
      withheld.has(key)
        ? withheldGroup(key)
        : {
            key,
            figures: figuresOf(byGroup.get(key) ?? [], headcount.byDimension[by]?.[key] ?? 0),
          },
    ),
  };
}

const groupKeys = (headcount: THeadcount, by: TSegmentDimension): string[] =>
  Object.keys(headcount.byDimension[by] ?? {}).sort(compareKeys);

const withheldGroup = (key: string): TInvolvementGroup => ({ key, figures: null });
