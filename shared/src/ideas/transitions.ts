import type { TFieldErrors } from '../response.js';
import {
  DECLINE_REASON_MAX,
  DECLINE_REASON_MIN,
  type TIdeaStatus,
  type TIdeaStatusChange,
} from './index.js';

/**
 * Where each status may go by the steering group's hand. Declined from any open state, and back
 * to under-review (a decision revisited); planned may be planned again (moved to a later
 * iteration). Done and duplicate are final; duplicate only comes through a merge.
 */
export const NEXT_STATUSES: Readonly<Record<TIdeaStatus, readonly TIdeaStatus[]>> = {
  new: ['under-review', 'declined'],
  'under-review': ['planned', 'declined'],
  planned: ['planned', 'in-progress', 'declined'],
  'in-progress': ['done', 'declined'],
  done: [],
  declined: ['under-review'],
  duplicate: [],
};

/** Open ideas can still be merged, edited by their author (new, under-review only) or declined. */
export const OPEN_STATUSES: readonly TIdeaStatus[] = [
  'new',
  'under-review',
  'planned',
  'in-progress',
];
export const EDITABLE_STATUSES: readonly TIdeaStatus[] = ['new', 'under-review'];

/** What a status change writes on the idea. */
export type TIdeaStatusState = {
  status: TIdeaStatus;
  plannedFor: number | null;
  declineReason: string | null;
};

export type TStatusDecision =
  | { ok: true; next: TIdeaStatusState }
  | { ok: false; refusal: 'invalid_input' | 'idea_status_refused'; fields: TFieldErrors };

/**
 * The idea's state after the change, or why not: a step the life of an idea does not allow
 * (`idea_status_refused`, on `status`), or a missing or wrong `plannedFor`/`reason`
 * (`invalid_input`). `plannedFor` must be the current iteration or a later one; leaving
 * planned clears it except into in-progress and done (kept: when it was planned for); only
 * declined keeps a reason.
 */
export function decideStatusChange(
  current: TIdeaStatusState,
  change: TIdeaStatusChange,
  currentIterationId: number,
): TStatusDecision {
  if (!NEXT_STATUSES[current.status].includes(change.status)) {
    return {
      ok: false,
      refusal: 'idea_status_refused',
      fields: { status: `an idea ${current.status} cannot become ${change.status}` },
    };
  }
  if (change.status === 'planned') {
    if (change.plannedFor === undefined) {
      return { ok: false, refusal: 'invalid_input', fields: { plannedFor: 'required to plan' } };
    }
    if (change.plannedFor < currentIterationId) {
      return {
        ok: false,
        refusal: 'invalid_input',
        fields: { plannedFor: `the current iteration (${currentIterationId}) or a later one` },
      };
    }
    return {
      ok: true,
      next: { status: 'planned', plannedFor: change.plannedFor, declineReason: null },
    };
  }
  if (change.status === 'declined') {
    const reason = change.reason?.trim() ?? '';
    if (reason.length < DECLINE_REASON_MIN || reason.length > DECLINE_REASON_MAX) {
      return {
        ok: false,
        refusal: 'invalid_input',
        fields: { reason: `a reason of ${DECLINE_REASON_MIN} to ${DECLINE_REASON_MAX} characters` },
      };
    }
    return { ok: true, next: { status: 'declined', plannedFor: null, declineReason: reason } };
  }
  const keepsPlan = change.status === 'in-progress' || change.status === 'done';
  return {
    ok: true,
    next: {
      status: change.status,
      plannedFor: keepsPlan ? current.plannedFor : null,
      declineReason: null,
    },
  };
}
