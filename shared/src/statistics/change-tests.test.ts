import { describe, expect, it } from 'vitest';
import { enpsChangeTest } from './enps-change.js';
import { Z975 } from './normal.js';
import { proportionChangeTest } from './proportion-change.js';
import { verdictOf } from './verdict.js';
import { welchTest } from './welch.js';

/** Counts per value of a list of answers. */
function countsOf(values: number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

describe('welchTest', () => {
  // Expected values: SciPy 1.17 stats.ttest_ind(after, before, equal_var=False), which is R's
  // t.test(after, before) (Welch); df from the Welch–Satterthwaite formula computed in NumPy.
  it('detects a rise: before 1,2,2,3,3,3,4 / after 3,4,4,5,5,5,2,4,3', () => {
    const result = welchTest(
      countsOf([1, 2, 2, 3, 3, 3, 4]),
      countsOf([3, 4, 4, 5, 5, 5, 2, 4, 3]),
    );
    expect(result?.estimate).toBeCloseTo(1.3174603174603172, 10);
    expect(result?.t).toBeCloseTo(2.5861843543264857, 9);
    expect(result?.df).toBeCloseTo(13.495309270154237, 9);
    expect(result?.pValue).toBeCloseTo(0.02205312266987968, 9);
    expect(result?.verdict).toBe('clear rise');
  });

  it('detects a fall: before 4,5,5,4,3,5 / after 3,4,2,3,4,1,2', () => {
    const result = welchTest(countsOf([4, 5, 5, 4, 3, 5]), countsOf([3, 4, 2, 3, 4, 1, 2]));
    expect(result?.estimate).toBeCloseTo(-1.6190476190476186, 10);
    expect(result?.t).toBeCloseTo(-3.017012132014786, 9);
    expect(result?.df).toBeCloseTo(10.79440503279347, 9);
    expect(result?.pValue).toBeCloseTo(0.011950912311115298, 9);
    expect(result?.verdict).toBe('clear fall');
  });

  it('sees no clear change between similar samples, and cannot test degenerate ones', () => {
    expect(welchTest(countsOf([2, 3, 4]), countsOf([2, 3, 4, 3]))?.verdict).toBe('no clear change');
    expect(welchTest(countsOf([3]), countsOf([2, 3, 4]))).toBeNull();
    expect(welchTest(countsOf([3, 3]), countsOf([4, 4]))).toBeNull();
  });
});

describe('enpsChangeTest', () => {
  it('is a z test on the difference of (p − d) with multinomial variances', () => {
    // before: 4 promoters, 3 passives, 5 detractors (eNPS −8.33); after: 9, 4, 2 (eNPS 46.67).
    const before = new Map([
      [10, 4],
      [7, 3],
      [2, 5],
    ]);
    const after = new Map([
      [9, 9],
      [8, 4],
      [6, 2],
    ]);
    const result = enpsChangeTest(before, after);
    // Derived from the definition: Var(p̂ − d̂) = (p + d − (p − d)²) / n per sample.
    const v1 = (4 / 12 + 5 / 12 - (-1 / 12) ** 2) / 12;
    const v2 = (9 / 15 + 2 / 15 - (7 / 15) ** 2) / 15;
    const z = (7 / 15 + 1 / 12) / Math.sqrt(v1 + v2);
    expect(result?.estimate).toBeCloseTo(55, 10);
    expect(result?.z).toBeCloseTo(z, 12);
    // z = 1.7724269201760554, 2 × norm.sf(z) = 0.07632371639960342 (SciPy 1.17)
    expect(result?.z).toBeCloseTo(1.7724269201760554, 12);
    expect(result?.pValue).toBeCloseTo(0.07632371639960342, 12);
    expect(result?.verdict).toBe('no clear change');
  });

  it('reads a large fall as clear and cannot test empty or spreadless samples', () => {
    const all = (value: number, n: number): Map<number, number> => new Map([[value, n]]);
    const before = new Map([
      [10, 30],
      [5, 10],
    ]);
    expect(enpsChangeTest(before, all(3, 20))?.verdict).toBe('clear fall');
    expect(enpsChangeTest(all(10, 5), new Map())).toBeNull();
    expect(enpsChangeTest(all(8, 5), all(7, 9))).toBeNull();
  });
});

describe('proportionChangeTest', () => {
  it('is the pooled two-proportion z test', () => {
    // 12 of 40 before, 25 of 50 after. SciPy 1.17 chi2_contingency([[12, 28], [25, 25]],
    // correction=False) — R's prop.test(..., correct = FALSE) — gives X² = 3.6715961244263102 and
    // p = 0.05534715768739143; z is √X².
    const result = proportionChangeTest(12, 40, 25, 50);
    expect(result?.estimate).toBeCloseTo(0.2, 12);
    expect(result?.z).toBeCloseTo(Math.sqrt(3.6715961244263102), 10);
    expect(result?.pValue).toBeCloseTo(0.05534715768739143, 10);
    expect(result?.verdict).toBe('no clear change');
    expect(proportionChangeTest(10, 50, 30, 50)?.verdict).toBe('clear rise');
    expect(proportionChangeTest(30, 50, 10, 50)?.verdict).toBe('clear fall');
    expect(proportionChangeTest(0, 10, 0, 12)).toBeNull();
    expect(proportionChangeTest(1, 0, 3, 12)).toBeNull();
  });
});

describe('verdictOf', () => {
  it('reads a change as clear below α = 0.05', () => {
    expect(verdictOf(1, 0.049)).toBe('clear rise');
    expect(verdictOf(-1, 0.01)).toBe('clear fall');
    expect(verdictOf(1, 0.05)).toBe('no clear change');
    expect(Z975).toBeCloseTo(1.959963984540054, 15);
  });
});
