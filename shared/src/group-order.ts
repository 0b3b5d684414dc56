import { compareKeys } from './disclosure/order.js';
import { ZTrainingLevel } from './member.js';
import type { TSegmentDimension } from './segment.js';
import { POOLED } from './pooled.js';

/** Values with an order of their own; teams and sites have none, so they read alphabetically. */
const NATURAL_ORDER: Partial<Record<TSegmentDimension, readonly string[]>> = {
  trainingLevel: ZTrainingLevel.options,
  // Segments store the ambassador flag as 'yes' / 'no' (segmentOf).
  ambassador: ['yes', 'no'],
};

// A fixed locale, so the order is the same on every machine; accents and numbers read as people
// expect ("Équipe 2" before "Équipe 10", next to "Equipe").
const alphabetical = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

/**
 * The order groups of a dimension are shown in, everywhere (results, heatmap, exports): training
 * levels beginner → advanced, ambassadors yes then no, teams and sites alphabetically; the pooled
 * group last. Values outside a natural order follow it alphabetically.
 */
export function compareGroups(by: TSegmentDimension): (a: string, b: string) => number {
  const natural = NATURAL_ORDER[by] ?? [];
  const rank = (value: string): number => {
    if (value === POOLED) return natural.length + 1;
    const index = natural.indexOf(value);
    return index === -1 ? natural.length : index;
  };
  return (a, b) => rank(a) - rank(b) || alphabetical.compare(a, b) || compareKeys(a, b);
}
