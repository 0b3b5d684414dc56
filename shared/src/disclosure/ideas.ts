import type { TSegment } from '../segment.js';
import { POOLED } from '../pooled.js';
import { summariseIdeas, type TBoardIdea, type TIdeasSummary } from '../ideas/summary.js';

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

/**
 * The ideas summary of the steering review, built only from what the board shows every member:
 * id, title, category, status, votes, when submitted and the status history. Each idea is copied
 * field by field first, so an author, an author key, a segment or a voter read with it can never
 * reach the answer, whatever the caller passes.
 */
export function ideasSummaryToShow(
  iterationId: number,
  ideas: readonly TBoardIdea[],
): TIdeasSummary {
  const shown = ideas.map((idea): TBoardIdea => ({
    id: idea.id,
    title: idea.title,
    category: idea.category,
    status: idea.status,
    votes: idea.votes,
    createdAt: idea.createdAt,
    history: idea.history.map(({ status, at, iterationId: changedIn }) => ({
      status,
      at,
      iterationId: changedIn,
    })),
  }));
  return summariseIdeas(iterationId, shown);
}
