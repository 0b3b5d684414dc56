import type { TMember } from '../member.js';
import {
  segmentOf,
  ZSegmentDimension,
  type THeadcount,
  type TSegment,
  type TSegmentDimension,
} from '../segment.js';
import { POOLED } from '../pooled.js';
import { compareKeys } from './order.js';

/** Which dimension a rare member loses first: the ambassador flag, then site, level, team. */
export const DEFAULT_POOLING_ORDER: readonly TSegmentDimension[] = Object.freeze([
  'ambassador',
  'site',
  'trainingLevel',
  'team',
]);

/** The segment of "everyone else": every dimension pooled. */
export const FULLY_POOLED: TSegment = Object.freeze({
  team: POOLED,
  site: POOLED,
  trainingLevel: POOLED,
  ambassador: POOLED,
});

const keyOf = (segment: TSegment): string =>
  JSON.stringify(ZSegmentDimension.options.map((dimension) => segment[dimension]));

const pooledCount = (segment: TSegment): number =>
  ZSegmentDimension.options.filter((dimension) => segment[dimension] === POOLED).length;

/** Pools one dimension of a segment. */
const pool = (segment: TSegment, dimension: TSegmentDimension): TSegment =>
  dimension === 'ambassador'
    ? { ...segment, ambassador: POOLED }
    : { ...segment, [dimension]: POOLED };

/**
 * Each member's disclosure segment, keyed by lower-case email: every distinct segment returned
 * is held by at least k members (the fully pooled one included), unless the whole roster has
 * fewer than k members (then everyone is fully pooled).
 *
 * 1. Start from each member's own segment (`segmentOf`).
 * 2. For each dimension in `order`: the members whose current segment is held by fewer than k
 *    members get that dimension pooled; the others keep theirs. Members at different steps
 *    never share a segment (a different set of dimensions is pooled), so a segment that reached
 *    k keeps its members to the end.
 * 3. After the last dimension, only the fully pooled segment can be under k. If it holds 1..k−1
 *    members, whole segments join it, smallest first (then the most pooled, then by value),
 *    until it holds k.
 *
 * Dimensions missing from `order` are pooled last, in the default order, so the guarantee holds
 * for any order. Deterministic: it depends only on the multiset of segments (the map is filled in
 * email order); a member listed twice (same email, any case) counts once, the first by segment.
 */
export function disclosureSegments(
  members: readonly TMember[],
  k: number,
  order: readonly TSegmentDimension[] = DEFAULT_POOLING_ORDER,
): Map<string, TSegment> {
  const byEmail = new Map<string, TSegment>();
  const raw = members
    .map((member) => ({ email: member.email.toLowerCase(), segment: segmentOf(member) }))
    .sort(
      (a, b) => compareKeys(a.email, b.email) || compareKeys(keyOf(a.segment), keyOf(b.segment)),
    );
  for (const { email, segment } of raw) if (!byEmail.has(email)) byEmail.set(email, segment);

  const steps = [...new Set([...order, ...DEFAULT_POOLING_ORDER])];
  const counts = () => {
    const count = new Map<string, number>();
    for (const segment of byEmail.values()) {
      const key = keyOf(segment);
      count.set(key, (count.get(key) ?? 0) + 1);
    }
    return count;
  };
  for (const dimension of steps) {
    const count = counts();
    for (const [email, segment] of byEmail) {
      if ((count.get(keyOf(segment)) ?? 0) < k) byEmail.set(email, pool(segment, dimension));
    }
  }

  // Only the fully pooled segment may still be under k: complete it with the smallest segments.
  const fullKey = keyOf(FULLY_POOLED);
  const count = counts();
  let full = count.get(fullKey) ?? 0;
  if (full > 0 && full < k) {
    const examples = new Map<string, TSegment>();
    for (const segment of byEmail.values()) examples.set(keyOf(segment), segment);
    const candidates = [...count.entries()]
      .filter(([key]) => key !== fullKey)
      .sort(
        ([aKey, aSize], [bKey, bSize]) =>
          aSize - bSize ||
          pooledCount(examples.get(bKey) ?? FULLY_POOLED) -
            pooledCount(examples.get(aKey) ?? FULLY_POOLED) ||
          compareKeys(aKey, bKey),
      );
    const joining = new Set<string>();
    for (const [key, size] of candidates) {
      if (full >= k) break;
      joining.add(key);
      full += size;
    }
    for (const [email, segment] of byEmail) {
      if (joining.has(keyOf(segment))) byEmail.set(email, { ...FULLY_POOLED });
    }
  }
  return byEmail;
}

/** Members per disclosure value of each dimension (participation denominators), from the segments. */
export function headcountOfSegments(segments: Iterable<TSegment>): THeadcount {
  const byDimension: Record<TSegmentDimension, Record<string, number>> = {
    team: {},
    site: {},
    trainingLevel: {},
    ambassador: {},
  };
  let total = 0;
  for (const segment of segments) {
    total++;
    for (const dimension of ZSegmentDimension.options) {
      const counts = byDimension[dimension];
      counts[segment[dimension]] = (counts[segment[dimension]] ?? 0) + 1;
    }
  }
  return { total, byDimension };
}
