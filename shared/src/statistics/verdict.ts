/** How a test of change reads at α = 0.05. */
export type TChangeVerdict = 'clear rise' | 'no clear change' | 'clear fall';

/** The level the tests of change use. */
export const CHANGE_ALPHA = 0.05;

/** `{ estimate, pValue, verdict }`: the estimated change (after − before) and its two-sided test. */
export type TChangeTest = { estimate: number; pValue: number; verdict: TChangeVerdict };

export function verdictOf(estimate: number, pValue: number): TChangeVerdict {
  if (pValue >= CHANGE_ALPHA) return 'no clear change';
  return estimate > 0 ? 'clear rise' : estimate < 0 ? 'clear fall' : 'no clear change';
}
