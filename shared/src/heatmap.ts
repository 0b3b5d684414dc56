import * as z from 'zod';
import { ZReleaseInfo } from './release.js';
import type { TGroupResult, TQuestionResult, TResults } from './results.js';
import { ZSegmentDimension, type TSegmentDimension } from './segment.js';
import { POOLED } from './pooled.js';
import { adjustBH, enpsChangeTest, proportionChangeTest, welchTest } from './statistics/index.js';

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

/** The false discovery rate the heatmap keeps to (Benjamini–Hochberg q). */
export const FALSE_DISCOVERY_RATE = 0.05;

type TCounts = Map<number, number>;

/** A row before the cells are adjusted together: each cell's figure and its own raw p-value. */
type TDraftCell = Omit<THeatmapCell, 'qValue' | 'significant'>;
type TDraftRow = Omit<THeatmapRow, 'cells'> & { cells: TDraftCell[] };

const countsOf = (question: TQuestionResult): TCounts =>
  new Map(question.distribution.map((bucket) => [Number(bucket.value), bucket.count]));

/**
 * The rest of the organisation: overall minus the group. Null when that is not a sample, or holds
 * fewer than k answers: no aggregate under k is used, even inside a test.
 */
function restOf(overall: TCounts, group: TCounts, k: number): TCounts | null {
  const rest: TCounts = new Map();
  let answers = 0;
  for (const [value, count] of overall) {
    const left = count - (group.get(value) ?? 0);
    if (left < 0) return null;
    rest.set(value, left);
    answers += left;
  }
  return answers >= k ? rest : null;
}

function groupState(group: TGroupResult): THeatmapCellState {
  if (group.withheld) return 'withheld';
  return group.value === POOLED ? 'pooled' : 'shown';
}

function participationRow(results: TResults): TDraftRow {
  const overall = results.participation;
  return {
    kind: 'participation',
    questionId: null,
    overall,
    cells: results.groups.map((group) => {
      const state = groupState(group);
      const shown = state !== 'withheld' && group.participation !== null;
      const figure = shown ? group.participation : null;
      // The rest's respondents, from shown totals; tested only when they are k or more.
      const rest = (results.respondents ?? 0) - (group.respondents ?? 0);
      const test =
        shown && state === 'shown' && group.respondents !== null && rest >= results.k
          ? proportionChangeTest(
              rest,
              results.members - group.members,
              group.respondents,
              group.members,
            )
          : null;
      return {
        group: group.value,
        state: shown ? state : 'withheld',
        n: shown ? group.members : null,
        figure,
        gap: figure !== null && overall !== null ? figure - overall : null,
        pValue: test?.pValue ?? null,
      };
    }),
  };
}

function questionRow(
  results: TResults,
  overall: TQuestionResult,
  kind: 'scale' | 'enps',
): TDraftRow {
  const figureOf = (question: TQuestionResult) =>
    kind === 'scale' ? question.mean : question.enps;
  const overallFigure = overall.withheld ? null : figureOf(overall);
  const testOf = kind === 'scale' ? welchTest : enpsChangeTest;
  return {
    kind,
    questionId: overall.questionId,
    overall: overallFigure,
    cells: results.groups.map((group) => {
      const question = group.questions.find((each) => each.questionId === overall.questionId);
      const state = !question || question.withheld ? 'withheld' : groupState(group);
      const figure = question && state !== 'withheld' ? figureOf(question) : null;
      const rest =
        question && !overall.withheld
          ? restOf(countsOf(overall), countsOf(question), results.k)
          : null;
      // Overall and group are both shown, so the rest reveals nothing they do not.
      const test = question && rest && state === 'shown' ? testOf(rest, countsOf(question)) : null;
      return {
        group: group.value,
        state,
        n: state === 'withheld' ? null : (question?.answered ?? null),
        figure,
        gap: figure !== null && overallFigure !== null ? figure - overallFigure : null,
        pValue: test?.pValue ?? null,
      };
    }),
  };
}

/**
 * The steering group's heatmap: question × group of one dimension, from the gated figures of
 * `computeResults` with that `by` (nothing a results read withholds comes back). Each shown
 * group is tested against the rest of the organisation (overall minus the group: Welch for a
 * mean, the eNPS z-test, the two-proportion test for participation), then every p-value of the
 * heatmap is adjusted at once by Benjamini–Hochberg: on average at most one flagged gap in
 * twenty is chance, where testing each cell alone would light up one in twenty of the cells
 * without a real gap.
 */
export function computeHeatmap(results: TResults & { by: TSegmentDimension }): THeatmap {
  const drafts = [
    participationRow(results),
    ...results.questions.flatMap((question) =>
      question.type === 'scale' || question.type === 'enps'
        ? [questionRow(results, question, question.type)]
        : [],
    ),
  ];
  const tested = drafts.flatMap((row) => row.cells.filter((cell) => cell.pValue !== null));
  const qValues = adjustBH(tested.map((cell) => cell.pValue ?? 1));
  const adjusted = new Map<TDraftCell, number>(
    tested.map((cell, index) => [cell, qValues[index] ?? 1]),
  );
  const rows = drafts.map((row) => ({
    ...row,
    cells: row.cells.map((cell) => {
      const qValue = adjusted.get(cell) ?? null;
      return { ...cell, qValue, significant: qValue !== null && qValue < FALSE_DISCOVERY_RATE };
    }),
  }));
  return {
    iterationId: results.iterationId,
    pulseId: results.pulseId,
    k: results.k,
    release: results.release,
    by: results.by,
    groups: results.groups.map((group) => ({
      value: group.value,
      state: groupState(group),
      members: group.members,
      respondents: group.respondents,
    })),
    rows,
    testing: {
      comparison: 'group-vs-rest',
      adjustment: 'benjamini-hochberg',
      level: FALSE_DISCOVERY_RATE,
      tests: tested.length,
      note:
        `Each group is compared with the rest of the organisation (overall minus the group): ` +
        `Welch's t-test for means, z-tests for eNPS and participation. The ${tested.length} ` +
        `p-values are adjusted together by Benjamini–Hochberg; a gap is significant when its ` +
        `adjusted p-value (q) is below ${FALSE_DISCOVERY_RATE}.`,
    },
  };
}
