/**
 * `npm run bench`'s one summary table (script · figure · value · target) from the figures every
 * script wrote, and its place in docs/quality.md between the summary markers.
 */
import type { TBenchFigure } from './figures.js';

export const SUMMARY_START = '<!-- bench:summary:start -->';
export const SUMMARY_END = '<!-- bench:summary:end -->';

/** How one script's turn went: its figures are this run's only when it ran. */
export type TScriptRun =
  | { script: string; outcome: 'ran'; seconds: number }
  | { script: string; outcome: 'failed'; seconds: number; code: number | null }
  | { script: string; outcome: 'skipped' };

/** The table in Markdown, one row per figure, scripts in the order they ran. */
export function summaryTable(
  runs: readonly TScriptRun[],
  figures: ReadonlyMap<string, readonly TBenchFigure[]>,
): string {
  const rows: string[][] = [];
  for (const run of runs) {
    const written = figures.get(run.script) ?? [];
    const label =
      run.outcome === 'ran'
        ? run.script
        : run.outcome === 'failed'
          ? `${run.script} (failed, exit ${run.code ?? 'signal'})`
          : `${run.script} (skipped: an earlier run's figures)`;
    if (written.length === 0) {
      rows.push([label, run.outcome === 'ran' ? 'no figures written' : '—', '—', '—']);
      continue;
    }
    for (const { figure, value, target } of written) rows.push([label, figure, value, target]);
  }
  return [
    '| script | figure | value | target |',
    '| --- | --- | --: | --- |',
    ...rows.map((cells) => `| ${cells.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** Puts `block` between the markers, or right under the title when the document has none yet. */
export function placeSummary(document: string, block: string): string {
  const framed = `${SUMMARY_START}\n\n${block.trim()}\n\n${SUMMARY_END}`;
  const start = document.indexOf(SUMMARY_START);
  const end = document.indexOf(SUMMARY_END);
  if (start !== -1 && end > start) {
    return document.slice(0, start) + framed + document.slice(end + SUMMARY_END.length);
  }
  const title = /^# .*\n/m.exec(document);
  const at = title ? title.index + title[0].length : 0;
  return `${document.slice(0, at)}\n${framed}\n${document.slice(at)}`;
}

/** A table cell: a pipe would end it, a line break would end the row. */
function cell(text: string): string {
  return (text || '—').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
