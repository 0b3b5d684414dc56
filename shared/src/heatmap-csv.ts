import { toCsv } from './csv.js';
import type { THeatmap } from './heatmap.js';

const HEADER = [
  'iteration',
  'release',
  'dimension',
  'row',
  'kind',
  'group',
  'state',
  'n',
  'figure',
  'overall',
  'gap',
  'p_value',
  'q_value_bh',
  'significant',
  'tests',
];

/**
 * The heatmap as CSV: one line per row and group, with exactly what the heatmap route returns
 * (withheld cells empty). `tests` is the number of p-values Benjamini–Hochberg adjusted together.
 */
export function heatmapCsv(heatmap: THeatmap): string {
  const release = heatmap.release?.number ?? null;
  const rows = heatmap.rows.flatMap((row) =>
    row.cells.map((cell) => [
      heatmap.iterationId,
      release,
      heatmap.by,
      row.questionId ?? row.kind,
      row.kind,
      cell.group,
      cell.state,
      cell.n,
      cell.figure,
      row.overall,
      cell.gap,
      cell.pValue,
      cell.qValue,
      cell.significant,
      heatmap.testing.tests,
    ]),
  );
  return toCsv(HEADER, rows);
}
