import type { TRelease } from '../release.js';
import { ZSegmentDimension, type TSegment, type TSegmentDimension } from '../segment.js';
import { respondentsIn } from '../tally.js';
import { compareKeys } from './order.js';
import { MIN_ANONYMITY_THRESHOLD } from './suppression.js';

/** Free text is shown only for groups of at least this many respondents (rule 3). */
export const DEFAULT_COMMENT_K = 10;

/**
 * Free text is shown only for groups of at least commentK respondents (rule 3). A commentK under
 * the lowest k allowed is raised to it: free text never goes below the anonymity threshold floor.
 */
export function mayShowComments(respondents: number, commentK: number): boolean {
  return respondents >= Math.max(commentK, MIN_ANONYMITY_THRESHOLD);
}

/** A stored response as comments see it: its disclosure segment and its free-text answers. */
export type TCommentedResponse = { segment: TSegment; texts: readonly string[] };

/** Where a shown comment is labelled: its group, or the pool of the groups too small alone. */
export type TCommentLabel = { kind: 'group'; value: string } | { kind: 'other groups' };

export type TShownComment = { text: string; label: TCommentLabel | null };

export type TCommentsDisclosure =
  | {
      shown: true;
      comments: TShownComment[];
      /** With a breakdown: the comments this breakdown leaves to another (see `labellingDimension`). */
      labelledElsewhere: number;
    }
  | { shown: false; reason: 'late_answers_unattributable' | 'too_few_respondents' };

/** FNV-1a: a stable hash of a text, the same in every runtime, to order and spread comments. */
export function textHash(text: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The one breakdown a comment may be labelled in. Labels of two breakdowns side by side would
 * single out their intersection (the same text, "Sales" by team and "Nantes" by site, comes from
 * Sales ∩ Nantes, often fewer than commentK): so each comment is labelled by one dimension only,
 * chosen from its text alone — never from who wrote it, so the choice tells nothing.
 */
export function labellingDimension(text: string): TSegmentDimension {
  const dimensions = ZSegmentDimension.options;
  return dimensions[textHash(text, 0x01234567) % dimensions.length] as TSegmentDimension;
}

/**
 * The comments of a closed iteration that may be shown (rule 3), from its final release.
 *
 * 1. Covered by the release: the release must count exactly the stored responses, overall and
 *    in every group it shows (a final release that kept the previous one, fewer than k having
 *    answered late, does not; then nobody can tell which responses are late: nothing is shown).
 *    Responses of a group the release withholds, in any dimension, are dropped.
 * 2. Overall: the remaining respondents must be at least commentK.
 * 3. With a breakdown `by`, only the comments labelled in it (`labellingDimension`); a group is a
 *    label when it holds at least commentK remaining respondents. The smaller groups share one
 *    "other groups" label, completed by the smallest labelled groups until it holds commentK:
 *    no comment is left out of its breakdown, so comparing two views isolates no small group.
 *
 * Comments carry nothing else of their response, in an order that depends on their text only.
 */
export function commentsToShow(input: {
  release: TRelease;
  responses: readonly TCommentedResponse[];
  commentK: number;
  by: TSegmentDimension | null;
}): TCommentsDisclosure {
  const { release, responses, commentK, by } = input;
  if (!coversExactly(release, responses)) {
    return { shown: false, reason: 'late_answers_unattributable' };
  }
  const withheld = (response: TCommentedResponse) =>
    ZSegmentDimension.options.some((dimension) =>
      (release.withheld[dimension] ?? []).includes(response.segment[dimension]),
    );
  const covered = responses.filter((response) => !withheld(response));
  if (!mayShowComments(covered.length, commentK)) {
    return { shown: false, reason: 'too_few_respondents' };
  }
  const all = covered.flatMap(({ segment, texts }) => texts.map((text) => ({ segment, text })));
  if (by === null) {
    return {
      shown: true,
      comments: inOrder(all.map(({ text }) => ({ text, label: null }))),
      labelledElsewhere: 0,
    };
  }
  const labelOf = labelsOf(
    covered.map(({ segment }) => segment[by]),
    commentK,
  );
  const here = all.filter(({ text }) => labellingDimension(text) === by);
  return {
    shown: true,
    comments: inOrder(here.map(({ segment, text }) => ({ text, label: labelOf(segment[by]) }))),
    labelledElsewhere: all.length - here.length,
  };
}

/** The release counts exactly these responses, overall and in each group it shows. */
function coversExactly(release: TRelease, responses: readonly TCommentedResponse[]): boolean {
  if (respondentsIn(release.tallies.overall) !== responses.length) return false;
  return ZSegmentDimension.options.every((dimension) => {
    const withheld = new Set(release.withheld[dimension] ?? []);
    const stored = countBy(responses.map(({ segment }) => segment[dimension]));
    const released = release.tallies.byDimension[dimension] ?? {};
    const values = new Set([...stored.keys(), ...Object.keys(released)]);
    return [...values].every(
      (value) =>
        withheld.has(value) || (stored.get(value) ?? 0) === respondentsIn(released[value] ?? {}),
    );
  });
}

/** The label of each group given its respondents (see commentsToShow, step 3). */
function labelsOf(values: readonly string[], commentK: number): (value: string) => TCommentLabel {
  const sizes = [...countBy(values)].sort(([a, m], [b, n]) => m - n || compareKeys(a, b));
  const pooled = new Set(sizes.filter(([, n]) => !mayShowComments(n, commentK)).map(([v]) => v));
  let pool = sizes.filter(([value]) => pooled.has(value)).reduce((sum, [, n]) => sum + n, 0);
  for (const [value, n] of sizes) {
    if (pool === 0 || mayShowComments(pool, commentK)) break;
    if (pooled.has(value)) continue;
    pooled.add(value);
    pool += n;
  }
  return (value) => (pooled.has(value) ? { kind: 'other groups' } : { kind: 'group', value });
}

function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Labelled groups first (in key order), the pool last; within a label, by hash of the text. */
function inOrder(comments: TShownComment[]): TShownComment[] {
  const labelKey = (label: TCommentLabel | null) =>
    label === null ? '' : label.kind === 'group' ? `0${label.value}` : '1';
  return comments.sort(
    (a, b) =>
      compareKeys(labelKey(a.label), labelKey(b.label)) ||
      textHash(a.text) - textHash(b.text) ||
      compareKeys(a.text, b.text),
  );
}
