import { z } from 'zod';
import { ZReleaseInfo } from './release.js';
import { ZSegmentDimension } from './segment.js';

/**
 * How a heatmap cell may be drawn: `shown` a group's own figure, `withheld` nothing to show
 * (anonymity), `pooled` the figure of the pooled group (`*`, "other teams"): a mix of rare
 * values, shown but never coloured nor tested as a group.
 */
export const ZHeatmapCellState = z
  .enum(['shown', 'withheld', 'pooled'])
  .meta({ id: 'HeatmapCellState' });
export type THeatmapCellState = z.infer<typeof ZHeatmapCellState>;

/** One group's figure on one row, its gap to the overall figure and the test of that gap. */
export const ZHeatmapCell = z
  .object({
    group: z.string(),
    state: ZHeatmapCellState,
    /** Answers (or members, on the participation row) the figure stands on; null when withheld. */
    n: z.number().int().nullable(),
    /** Mean (scale), eNPS (enps) or share of members who answered (participation). */
    figure: z.number().nullable(),
    /** figure − the overall figure, in the row's unit. */
    gap: z.number().nullable(),
    /** Two-sided p-value of the group against the rest of the organisation; null when untested. */
    pValue: z.number().nullable(),
    /** Benjamini–Hochberg adjusted p-value over every cell tested in this heatmap. */
    qValue: z.number().nullable(),
    /** True when qValue < the false discovery rate level: a gap that is real, not chance. */
    significant: z.boolean(),
  })
  .meta({ id: 'HeatmapCell' });
export type THeatmapCell = z.infer<typeof ZHeatmapCell>;

export const ZHeatmapRowKind = z
  .enum(['participation', 'scale', 'enps'])
  .meta({ id: 'HeatmapRowKind' });
export type THeatmapRowKind = z.infer<typeof ZHeatmapRowKind>;

/** One row: participation, or one scale / eNPS question; cells in the columns' order. */
export const ZHeatmapRow = z
  .object({
    kind: ZHeatmapRowKind,
    /** The question; null on the participation row. */
    questionId: z.string().nullable(),
    /** The overall figure the gaps are measured from; null when withheld. */
    overall: z.number().nullable(),
    cells: z.array(ZHeatmapCell),
  })
  .meta({ id: 'HeatmapRow' });
export type THeatmapRow = z.infer<typeof ZHeatmapRow>;

/** A column: one group of the dimension, in the dimension's natural order (pooled last). */
export const ZHeatmapGroup = z
  .object({
    value: z.string(),
    state: ZHeatmapCellState,
    members: z.number().int(),
    respondents: z.number().int().nullable(),
  })
  .meta({ id: 'HeatmapGroup' });
export type THeatmapGroup = z.infer<typeof ZHeatmapGroup>;

/** How the gaps were tested: each group against the rest, false discovery rate controlled. */
export const ZHeatmapTesting = z
  .object({
    comparison: z.literal('group-vs-rest'),
    adjustment: z.literal('benjamini-hochberg'),
    /** The false discovery rate level q (0.05). */
    level: z.number(),
    /** How many cells were tested together (the m of Benjamini–Hochberg). */
    tests: z.number().int(),
    /** The method in one English sentence, for exports and API readers. */
    note: z.string(),
  })
  .meta({ id: 'HeatmapTesting' });
export type THeatmapTesting = z.infer<typeof ZHeatmapTesting>;

export const ZHeatmap = z
  .object({
    iterationId: z.number().int(),
    pulseId: z.string(),
    k: z.number().int(),
    /** Null while no release could be made yet: then there are no columns. */
    release: ZReleaseInfo.nullable(),
    by: ZSegmentDimension,
    groups: z.array(ZHeatmapGroup),
    rows: z.array(ZHeatmapRow),
    testing: ZHeatmapTesting,
  })
  .meta({ id: 'Heatmap' });
export type THeatmap = z.infer<typeof ZHeatmap>;
