import { termsOf } from '../themes.js';

/** Lowercase, accents removed, runs of letters and digits joined by one space. */
export function normalised(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLocaleLowerCase('fr')
      .match(/[\p{L}\p{N}]+/gu)
      ?.join(' ') ?? ''
  );
}

/** What `q` is searched in: title and description, normalised (stored as `searchText`). */
export const searchTextOf = (title: string, description: string): string =>
  normalised(`${title} ${description}`);

/** Every word of the query is found (as a word start) in the idea's search text. */
export function matchesSearch(searchText: string, query: string): boolean {
  const words = normalised(query).split(' ').filter(Boolean);
  const text = ` ${searchText}`;
  return words.every((word) => text.includes(` ${word}`));
}

/** The meaningful terms of a text: stop words dropped (`termsOf`), then accents removed. */
export const tokensOf = (text: string): Set<string> =>
  new Set([...termsOf(text)].map((term) => normalised(term)).filter(Boolean));

/**
 * How alike two texts are, 0..1: the terms they share over the terms of the shorter one (overlap
 * coefficient), so a short draft that names the few words of a long idea scores high. Terms
 * match when equal or when one is a prefix of the other of at least 5 letters ("tutoriel",
 * "tutoriels"), a cheap stand-in for stemming.
 */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const term of small) {
    if (large.has(term) || [...large].some((other) => sameStem(term, other))) shared += 1;
  }
  return shared / small.size;
}

const STEM = 5;
const sameStem = (a: string, b: string): boolean =>
  a.length >= STEM && b.length >= STEM && (a.startsWith(b) || b.startsWith(a));

/** Below this, an idea is not shown as similar to a draft. */
export const MIN_SIMILARITY = 0.34;
export const MAX_SIMILAR_IDEAS = 5;

/**
 * The ideas most like a draft: at least `MIN_SIMILARITY`, best first (then most voted, then
 * newest), at most five.
 */
export function mostSimilar<
  T extends { title: string; description: string; votes: number; createdAt: string },
>(draft: string, ideas: readonly T[]): T[] {
  const draftTokens = tokensOf(draft);
  return ideas
    .map((idea) => ({
      idea,
      score: similarity(draftTokens, tokensOf(`${idea.title} ${idea.description}`)),
    }))
    .filter(({ score }) => score >= MIN_SIMILARITY)
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.idea.votes - a.idea.votes ||
        (a.idea.createdAt < b.idea.createdAt ? 1 : a.idea.createdAt > b.idea.createdAt ? -1 : 0),
    )
    .slice(0, MAX_SIMILAR_IDEAS)
    .map(({ idea }) => idea);
}
