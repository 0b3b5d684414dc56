import { compareKeys } from './order.js';

/** k: no aggregate of fewer respondents is ever shown. Configurable, never below 3. */
export const DEFAULT_ANONYMITY_THRESHOLD = 5;
export const MIN_ANONYMITY_THRESHOLD = 3;

export type TGroupSize = { key: string; size: number };

/**
 * The groups of one table (one breakdown) whose figures must be withheld, given the table's total
 * is shown: those under k, then — while the withheld ones are a single group, or add up to fewer
 * than k respondents, none included — the smallest shown ones, since the total minus the shown
 * groups gives away what the withheld ones hold together (complementary suppression). A withheld
 * total of 0 must be covered too: it would show that nobody in those groups answered. When even
 * everything together stays under k, everything is withheld.
 */
export function groupsToWithhold(
  groups: readonly TGroupSize[],
  k: number,
  alreadyWithheld: ReadonlySet<string> = new Set(),
): Set<string> {
  const withheld = new Set(alreadyWithheld);
  for (const group of groups) if (group.size < k) withheld.add(group.key);
  const shown = groups
    .filter((group) => !withheld.has(group.key))
    .sort((a, b) => a.size - b.size || compareKeys(a.key, b.key));
  const withheldGroups = () => groups.filter((group) => withheld.has(group.key));
  for (const next of shown) {
    const hidden = withheldGroups();
    const total = hidden.reduce((sum, group) => sum + group.size, 0);
    if (hidden.length === 0 || (hidden.length > 1 && total >= k)) break;
    withheld.add(next.key);
  }
  return withheld;
}
