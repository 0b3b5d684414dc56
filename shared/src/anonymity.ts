/** k: no aggregate of fewer respondents is ever shown. Configurable, never below 3. */
export const DEFAULT_ANONYMITY_THRESHOLD = 5;
export const MIN_ANONYMITY_THRESHOLD = 3;

export type TGroupSize = { key: string; size: number };

/**
 * The groups whose figures must be withheld: those under k, plus, when the withheld ones add up
 * to between 1 and k−1 respondents, the smallest shown ones until they don't — otherwise the
 * total minus the shown groups would give away the hidden ones (complementary suppression).
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
    .sort((a, b) => a.size - b.size || a.key.localeCompare(b.key));
  let hiddenTotal = groups
    .filter((group) => withheld.has(group.key))
    .reduce((sum, group) => sum + group.size, 0);
  while (hiddenTotal > 0 && hiddenTotal < k && shown.length > 0) {
    const next = shown.shift();
    if (!next) break;
    withheld.add(next.key);
    hiddenTotal += next.size;
  }
  return withheld;
}
