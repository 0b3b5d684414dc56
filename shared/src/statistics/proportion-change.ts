import { normalTwoSidedP } from './normal.js';
import { type TChangeTest, verdictOf } from './verdict.js';

export type TProportionChangeTest = TChangeTest & { z: number };

/**
 * Pooled two-proportion z-test for the change in the share choosing an option: x of n before,
 * x of n after. estimate = x₂/n₂ − x₁/n₁; under no change the common share is
 * p̄ = (x₁ + x₂)/(n₁ + n₂), SE = √(p̄(1 − p̄)(1/n₁ + 1/n₂)); two-sided p-value from the standard
 * normal (R's `prop.test(c(x2, x1), c(n2, n1), correct = FALSE)`, whose X² is z²).
 * Null when a sample is empty or every answer (or none) chose the option.
 */
export function proportionChangeTest(
  chosenBefore: number,
  nBefore: number,
  chosenAfter: number,
  nAfter: number,
): TProportionChangeTest | null {
  if (nBefore <= 0 || nAfter <= 0) return null;
  const pooled = (chosenBefore + chosenAfter) / (nBefore + nAfter);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nBefore + 1 / nAfter));
  if (!(se > 0)) return null;
  const estimate = chosenAfter / nAfter - chosenBefore / nBefore;
  const z = estimate / se;
  const pValue = normalTwoSidedP(z);
  return { estimate, z, pValue, verdict: verdictOf(estimate, pValue) };
}
