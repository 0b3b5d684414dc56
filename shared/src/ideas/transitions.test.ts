import { describe, expect, it } from 'vitest';
import { ZIdeaStatus, type TIdeaStatus, type TIdeaStatusChange } from './index.js';
import { decideStatusChange, NEXT_STATUSES, type TIdeaStatusState } from './transitions.js';

const CURRENT = 5;
const state = (status: TIdeaStatus, plannedFor: number | null = null): TIdeaStatusState => ({
  status,
  plannedFor,
  declineReason: status === 'declined' ? 'Out of scope' : null,
});
/** A change with whatever the target needs, so only the step itself is judged. */
const complete = (status: Exclude<TIdeaStatus, 'duplicate'>): TIdeaStatusChange => ({
  status,
  plannedFor: status === 'planned' ? CURRENT : undefined,
  reason: status === 'declined' ? 'Not this year' : undefined,
});

const ALLOWED: [TIdeaStatus, TIdeaStatus][] = [
  ['new', 'under-review'],
  ['new', 'declined'],
  ['under-review', 'planned'],
  ['under-review', 'declined'],
  ['planned', 'planned'],
  ['planned', 'in-progress'],
  ['planned', 'declined'],
  ['in-progress', 'done'],
  ['in-progress', 'declined'],
  ['declined', 'under-review'],
];
const isAllowed = (from: TIdeaStatus, to: TIdeaStatus) =>
  ALLOWED.some(([a, b]) => a === from && b === to);

describe('idea status transitions', () => {
  const targets = ZIdeaStatus.options.filter(
    (status): status is Exclude<TIdeaStatus, 'duplicate'> => status !== 'duplicate',
  );
  for (const from of ZIdeaStatus.options) {
    for (const to of targets) {
      it(`${from} → ${to}: ${isAllowed(from, to) ? 'allowed' : 'refused on status'}`, () => {
        const decision = decideStatusChange(state(from, 6), complete(to), CURRENT);
        if (isAllowed(from, to)) {
          expect(decision).toMatchObject({ ok: true, next: { status: to } });
        } else {
          expect(decision).toEqual({
            ok: false,
            refusal: 'idea_status_refused',
            fields: { status: expect.any(String) },
          });
        }
      });
    }
  }

  it('lists exactly the allowed steps; done and duplicate are final', () => {
    const listed = Object.entries(NEXT_STATUSES).flatMap(([from, tos]) =>
      tos.map((to) => [from, to]),
    );
    expect(listed.sort()).toEqual([...ALLOWED].sort());
    expect(NEXT_STATUSES.done).toEqual([]);
    expect(NEXT_STATUSES.duplicate).toEqual([]);
  });

  it('planning needs plannedFor, the current iteration or later', () => {
    const from = state('under-review');
    expect(decideStatusChange(from, { status: 'planned' }, CURRENT)).toMatchObject({
      ok: false,
      refusal: 'invalid_input',
      fields: { plannedFor: expect.any(String) },
    });
    expect(
      decideStatusChange(from, { status: 'planned', plannedFor: CURRENT - 1 }, CURRENT),
    ).toMatchObject({ ok: false, fields: { plannedFor: expect.any(String) } });
    expect(
      decideStatusChange(from, { status: 'planned', plannedFor: CURRENT + 2 }, CURRENT),
    ).toEqual({ ok: true, next: { status: 'planned', plannedFor: 7, declineReason: null } });
  });

  it('declining needs a reason of 3 to 500 characters, trimmed', () => {
    const from = state('planned', 6);
    for (const reason of [undefined, '', '  ab  ', 'x'.repeat(501)]) {
      expect(decideStatusChange(from, { status: 'declined', reason }, CURRENT)).toMatchObject({
        ok: false,
        refusal: 'invalid_input',
        fields: { reason: expect.any(String) },
      });
    }
    expect(decideStatusChange(from, { status: 'declined', reason: ' abc ' }, CURRENT)).toEqual({
      ok: true,
      next: { status: 'declined', plannedFor: null, declineReason: 'abc' },
    });
    expect(
      decideStatusChange(from, { status: 'declined', reason: 'x'.repeat(500) }, CURRENT),
    ).toMatchObject({ ok: true });
  });

  it('keeps plannedFor into in-progress and done, clears reason when back under review', () => {
    expect(decideStatusChange(state('planned', 6), { status: 'in-progress' }, CURRENT)).toEqual({
      ok: true,
      next: { status: 'in-progress', plannedFor: 6, declineReason: null },
    });
    expect(decideStatusChange(state('in-progress', 6), { status: 'done' }, CURRENT)).toEqual({
      ok: true,
      next: { status: 'done', plannedFor: 6, declineReason: null },
    });
    expect(decideStatusChange(state('declined'), { status: 'under-review' }, CURRENT)).toEqual({
      ok: true,
      next: { status: 'under-review', plannedFor: null, declineReason: null },
    });
  });
});
