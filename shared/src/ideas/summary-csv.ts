import { toCsv, type TCsvCell } from '../csv.js';
import type { TIdeasSummary } from './summary.js';

const HEADER = ['iteration', 'section', 'item', 'title', 'status', 'value'];

/** The ideas summary as CSV: one line per status, category, top idea and decision figure. */
export function ideasSummaryCsv(summary: TIdeasSummary): string {
  const line = (
    section: string,
    item: string,
    value: number | null,
    title: string | null = null,
    status: string | null = null,
  ): TCsvCell[] => [summary.iterationId, section, item, title, status, value];
  return toCsv(HEADER, [
    line('total', 'ideas', summary.total),
    ...summary.funnel.map((step) => line('status', step.status, step.count)),
    ...summary.categories.map((row) => line('category', row.category, row.count)),
    ...summary.top.map((idea) => line('top', idea.id, idea.votes, idea.title, idea.status)),
    line('decision', 'median_days', summary.decision.medianDays),
    line('decision', 'decided', summary.decision.decided),
    line('decision', 'undecided', summary.decision.undecided),
  ]);
}
