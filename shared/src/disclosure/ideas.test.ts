import { describe, expect, it } from 'vitest';
import { POOLED } from '../pooled.js';
import { IDEA_OTHER_TEAMS, ideaTeam } from './ideas.js';

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
