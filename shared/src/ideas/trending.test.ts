import { describe, expect, it } from 'vitest';
import { trendingOrder, trendingScore } from './trending.js';

const now = new Date('2026-11-27T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

describe('trending', () => {
  it('weighs votes down by age: votes / (days + 2)^1.5', () => {
    expect(trendingScore(8, daysAgo(2), now)).toBeCloseTo(1);
    expect(trendingScore(0, daysAgo(0), now)).toBe(0);
    // A date in the future (clock skew) counts as now.
    expect(trendingScore(2, daysAgo(-1), now)).toBeCloseTo(2 / 2 ** 1.5);
  });

  it('puts a young idea with a few votes before an old one with many', () => {
    const ideas = [
      { id: 'old', votes: 20, createdAt: daysAgo(20) },
      { id: 'young', votes: 4, createdAt: daysAgo(1) },
      { id: 'fresh', votes: 0, createdAt: daysAgo(0) },
    ];
    expect(trendingOrder(ideas, now).map((idea) => idea.id)).toEqual(['young', 'old', 'fresh']);
  });

  it('breaks ties by newest, then id', () => {
    const ideas = [
      { id: 'b', votes: 0, createdAt: daysAgo(3) },
      { id: 'a', votes: 0, createdAt: daysAgo(3) },
      { id: 'c', votes: 0, createdAt: daysAgo(1) },
    ];
    expect(trendingOrder(ideas, now).map((idea) => idea.id)).toEqual(['c', 'a', 'b']);
  });
});
