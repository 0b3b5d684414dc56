import * as z from 'zod';
import {
  ZIdeaCategory,
  ZIdeaId,
  ZIdeaStatus,
  type TIdea,
  type TIdeaCategory,
  type TIdeaStatus,
} from './index.js';

/** The steering review's ideas: the funnel, the categories, the most voted, decision times. */
export const ZIdeasSummary = z
  .object({
    iterationId: z.number().int().min(0),
    /** Every idea submitted in the iteration, merged duplicates included once. */
    total: z.number().int().min(0),
    /** Count per status, in funnel order (`FUNNEL_ORDER`), zeros included. */
    funnel: z.array(z.object({ status: ZIdeaStatus, count: z.number().int().min(0) })),
    /** Count per category of the ideas standing on their own (duplicates left out). */
    categories: z.array(z.object({ category: ZIdeaCategory, count: z.number().int().min(0) })),
    /** The most voted ideas standing on their own, ties to the earliest submitted. */
    top: z.array(
      z.object({
        id: ZIdeaId,
        title: z.string(),
        votes: z.number().int().min(0),
        status: ZIdeaStatus,
      }),
    ),
    decision: z.object({
      /** Median days from submission to the first decision, one decimal; null when none. */
      medianDays: z.number().min(0).nullable(),
      decided: z.number().int().min(0),
      undecided: z.number().int().min(0),
    }),
  })
  .meta({ id: 'IdeasSummary' });
export type TIdeasSummary = z.infer<typeof ZIdeasSummary>;

/** What the board shows of an idea, and all a summary reads. */
export type TBoardIdea = Pick<
  TIdea,
  'id' | 'title' | 'category' | 'status' | 'votes' | 'createdAt' | 'history'
>;

export const FUNNEL_ORDER: readonly TIdeaStatus[] = [
  'new',
  'under-review',
  'planned',
  'in-progress',
  'done',
  'declined',
  'duplicate',
];

export const TOP_IDEAS = 5;

/** A decision is the first move to one of these; a later change of mind does not reset it. */
const DECISIONS: readonly TIdeaStatus[] = ['planned', 'declined', 'duplicate'];

const DAY_MS = 86_400_000;

/** Days from submission to the idea's first decision, or null while it waits for one. */
export function daysToDecision(idea: TBoardIdea): number | null {
  const decision = idea.history.find((entry) => DECISIONS.includes(entry.status));
  if (!decision) return null;
  return Math.max(0, Date.parse(decision.at) - Date.parse(idea.createdAt)) / DAY_MS;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const byVotesThenEarliest = (a: TBoardIdea, b: TBoardIdea): number =>
  b.votes - a.votes || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/**
 * The summary of one iteration's ideas. A merged idea counts once, as `duplicate` in the funnel
 * (its merge is its decision); its votes moved to the kept idea, so it is left out of the
 * categories and the top, as the board leaves it out.
 */
export function summariseIdeas(iterationId: number, ideas: readonly TBoardIdea[]): TIdeasSummary {
  const standing = ideas.filter((idea) => idea.status !== 'duplicate');
  const days = ideas.map(daysToDecision).filter((day): day is number => day !== null);
  const medianDays = median(days);
  return {
    iterationId,
    total: ideas.length,
    funnel: FUNNEL_ORDER.map((status) => ({
      status,
      count: ideas.filter((idea) => idea.status === status).length,
    })),
    categories: ZIdeaCategory.options.map((category: TIdeaCategory) => ({
      category,
      count: standing.filter((idea) => idea.category === category).length,
    })),
    top: [...standing]
      .sort(byVotesThenEarliest)
      .slice(0, TOP_IDEAS)
      .map(({ id, title, votes, status }) => ({ id, title, votes, status })),
    decision: {
      medianDays: medianDays === null ? null : Math.round(medianDays * 10) / 10,
      decided: days.length,
      undecided: ideas.length - days.length,
    },
  };
}
