import type { TSegment } from '../segment.js';
import { POOLED } from '../pooled.js';

/** The team shown beside an idea when the author's team is pooled: "other teams". */
export const IDEA_OTHER_TEAMS = POOLED;

/**
 * The author's team as an idea may show it: the team of their frozen disclosure segment, which
 * every segment guarantees is held by at least k members; a pooled team shows as "other teams"
 * (`IDEA_OTHER_TEAMS`); no segment (not in the directory, no open iteration at submit) shows
 * nothing. Never the raw directory team, which may name fewer than k people.
 */
export function ideaTeam(segment: TSegment | null): string | null {
  if (segment === null) return null;
  return segment.team === POOLED ? IDEA_OTHER_TEAMS : segment.team;
}
