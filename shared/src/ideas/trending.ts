/**
 * Trending, as on news boards: votes weighed down by age, `votes / (days + 2)^1.5`. A young idea
 * with a few votes passes an old one with many, without reading when each vote came (one read
 * of the ideas, no read of vote items). The +2 keeps a minutes-old idea with one vote from
 * topping the board.
 */
export const TRENDING_GRAVITY = 1.5;
const DAY_MS = 24 * 60 * 60 * 1000;

export function trendingScore(votes: number, createdAt: string, now: Date): number {
  const days = Math.max(0, now.getTime() - Date.parse(createdAt)) / DAY_MS;
  return votes / (days + 2) ** TRENDING_GRAVITY;
}

/** Highest score first, then newest, then by id (a stable order for cursor pages). */
export function trendingOrder<T extends { id: string; votes: number; createdAt: string }>(
  ideas: readonly T[],
  now: Date,
): T[] {
  return ideas
    .map((idea) => ({ idea, score: trendingScore(idea.votes, idea.createdAt, now) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.idea.createdAt.localeCompare(a.idea.createdAt) ||
        a.idea.id.localeCompare(b.idea.id),
    )
    .map(({ idea }) => idea);
}
