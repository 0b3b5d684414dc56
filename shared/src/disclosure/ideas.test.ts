import { describe, expect, it } from 'vitest';
import { POOLED } from '../pooled.js';
import { ideasSummaryCsv } from '../ideas/summary-csv.js';
import { IDEA_OTHER_TEAMS, ideaTeam, ideasSummaryToShow } from './ideas.js';

const segment = (team: string) => ({
  team,
  site: 'Nantes',
  trainingLevel: '1',
  ambassador: 'no' as const,
});

describe('the team beside an idea', () => {
  it('is the frozen segment team, pooled as other teams, none without a segment', () => {
    expect(ideaTeam(segment('Sales'))).toBe('Sales');
    expect(ideaTeam(segment(POOLED))).toBe(IDEA_OTHER_TEAMS);
    expect(ideaTeam(null)).toBeNull();
  });
});

describe('the ideas summary the review shows', () => {
  const stored = {
    id: '000002-00000000000001',
    iterationId: 2,
    title: 'A shared glossary',
    description: 'Words of the trade in one place',
    category: 'usage-convention' as const,
    anonymous: true,
    authorEmail: 'hidden.author@example.org',
    authorName: 'Hidden Author',
    authorKey: 'author-key-4f2a',
    segment: { team: 'Payroll', site: 'Brest', trainingLevel: '2', ambassador: 'no' as const },
    votes: 6,
    createdAt: '2026-03-02T09:00:00.000Z',
    status: 'planned' as const,
    history: [
      { status: 'new' as const, at: '2026-03-02T09:00:00.000Z', iterationId: 2 },
      { status: 'planned' as const, at: '2026-03-04T09:00:00.000Z', iterationId: 2 },
    ],
  };

  it('never carries an anonymous author, their key or segment, whatever it is given', () => {
    const summary = ideasSummaryToShow(2, [stored]);
    const answer = JSON.stringify(summary) + ideasSummaryCsv(summary);
    for (const secret of [
      'Hidden Author',
      'hidden.author',
      'author-key-4f2a',
      'Payroll',
      'Brest',
    ]) {
      expect(answer).not.toContain(secret);
    }
    expect(summary.top).toEqual([
      { id: stored.id, title: 'A shared glossary', votes: 6, status: 'planned' },
    ]);
    expect(summary.decision).toEqual({ medianDays: 2, decided: 1, undecided: 0 });
  });
});
