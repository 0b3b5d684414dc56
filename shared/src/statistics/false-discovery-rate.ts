/**
 * Benjamini–Hochberg adjusted p-values (Benjamini & Hochberg, JRSS B 57 (1995) 289–300), in the
 * order given; the same as R's `p.adjust(p, 'BH')`. With m p-values sorted ascending,
 * adjusted p₍ᵢ₎ = min over j ≥ i of min(1, m p₍ⱼ₎ / j).
 *
 * This is what the heatmap uses when it tests many cells at once: a cell is flagged when its
 * adjusted p-value is below 0.05, which keeps the expected share of false flags among the flagged
 * cells at 5 % or less, rather than letting one cell in twenty light up by chance.
 */
export function adjustBH(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((x, y) => x.p - y.p);
  const adjusted = new Array<number>(m).fill(1);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const entry = order[rank - 1];
    if (!entry) continue;
    running = Math.min(running, (m * entry.p) / rank);
    adjusted[entry.index] = Math.min(1, running);
  }
  return adjusted;
}
