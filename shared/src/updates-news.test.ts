import { describe, expect, it } from 'vitest';
import type { TIdea } from './ideas/index.js';
import { fatesOf, reviewIsNews, statusChangedAt, unseenCount } from './updates-news.js';

const idea = (id: string, over: Partial<TIdea> = {}): TIdea => ({
  id: `000003-${id.padEnd(10, '0')}`,
  title: id,
  description: '',
  category: 'feature',
  status: 'new',
  votes: 1,
  comments: 0,
  createdAt: '2026-10-01T09:00:00.000Z',
  iterationId: 3,
  author: null,
  mine: false,
  voted: false,
  plannedFor: null,
  declineReason: null,
  duplicateOf: null,
  mergedFrom: [],
  team: null,
  updatedAt: '2026-10-01T09:00:00.000Z',
  history: [{ status: 'new', at: '2026-10-01T09:00:00.000Z', iterationId: 3 }],
  ...over,
});

const moved = (at: string, over: Partial<TIdea> = {}): Partial<TIdea> => ({
  status: 'planned',
  plannedFor: 4,
  updatedAt: at,
  history: [
    { status: 'new', at: '2026-10-01T09:00:00.000Z', iterationId: 3 },
    { status: 'planned', at, iterationId: 3 },
  ],
  ...over,
});

describe('the fate of my ideas and votes', () => {
  it('keeps only my ideas and those I voted for, naming how, last changed first', () => {
    const fates = fatesOf([
      idea('other'),
      idea('mine', { mine: true }),
      idea('voted', { voted: true, ...moved('2026-11-02T09:00:00.000Z') }),
      idea('both', { mine: true, voted: true, ...moved('2026-11-01T09:00:00.000Z') }),
    ]);
    expect(fates.map((fate) => [fate.idea.title, fate.relation, fate.changedAt])).toEqual([
      ['voted', 'voted', '2026-11-02T09:00:00.000Z'],
      ['both', 'both', '2026-11-01T09:00:00.000Z'],
      ['mine', 'authored', '2026-10-01T09:00:00.000Z'],
    ]);
  });

  it('dates a change by the last status move, not by an edit', () => {
    expect(statusChangedAt(idea('new', { updatedAt: '2026-12-01T00:00:00.000Z' }))).toBeNull();
    expect(statusChangedAt(idea('p', moved('2026-11-05T00:00:00.000Z')))).toBe(
      '2026-11-05T00:00:00.000Z',
    );
  });
});

describe('what is new since the last visit', () => {
  const revisions = [
    { publishedAt: '2026-11-10T09:00:00.000Z' },
    { publishedAt: '2026-11-01T09:00:00.000Z' },
  ];
  const ideas = [
    idea('a', moved('2026-11-06T09:00:00.000Z')),
    idea('b', moved('2026-11-03T09:00:00.000Z')),
    idea('c'),
  ];

  it('counts revisions and status moves after the visit, never a mere submission', () => {
    expect(unseenCount(revisions, ideas, '2026-11-05T00:00:00.000Z')).toBe(2);
    expect(unseenCount(revisions, ideas, '2026-11-02T00:00:00.000Z')).toBe(3);
    expect(unseenCount(revisions, ideas, '2026-12-01T00:00:00.000Z')).toBe(0);
  });

  it('counts everything that moved before a first visit', () => {
    expect(unseenCount(revisions, ideas, null)).toBe(4);
  });

  it('puts the review first on the pulse only when published since the visit', () => {
    const review = { publishedAt: '2026-11-10T09:00:00.000Z' } as Parameters<
      typeof reviewIsNews
    >[0]['review'];
    expect(reviewIsNews({ review, lastVisit: null })).toBe(true);
    expect(reviewIsNews({ review, lastVisit: '2026-11-09T00:00:00.000Z' })).toBe(true);
    expect(reviewIsNews({ review, lastVisit: '2026-11-11T00:00:00.000Z' })).toBe(false);
    expect(reviewIsNews({ review: null, lastVisit: null })).toBe(false);
  });
});
