/** The 0.975 quantile of the standard normal distribution (R `qnorm(0.975)`). */
export const Z975 = 1.959963984540054;

const EPSILON = 1e-16;
const TINY = 1e-300;

/**
 * Complementary error function via the regularized upper incomplete gamma function,
 * erfc(x) = Q(½, x²) for x ≥ 0: its series below x² = 1.5, its continued fraction (modified Lentz)
 * above (Numerical Recipes `gser` / `gcf`).
 */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  const s = x * x;
  if (s === 0) return 1;
  const a = 0.5;
  // ln Γ(½) = ln √π
  const front = Math.exp(-s + a * Math.log(s) - 0.5 * Math.log(Math.PI));
  if (s < 1.5) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000; n++) {
      term *= s / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
    }
    return 1 - sum * front;
  }
  let b = s + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return front * h;
}

/** P(|Z| ≥ |z|) for a standard normal Z. */
export function normalTwoSidedP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}
