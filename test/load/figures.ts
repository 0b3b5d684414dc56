/**
 * The figures each bench script hands to `npm run bench`'s one summary table: every script
 * writes its own file under `.data/bench/figures/`, the summary reads them all once the scripts
 * have run. A figure says what was measured, its value and the target it answers (empty: none).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type TBenchFigure = { figure: string; value: string; target: string };

const FIGURES_DIR = resolve(import.meta.dirname, '../../.data/bench/figures');

/** Replaces the figures of one script (its file name without extension, e.g. `submit-burst`). */
export function writeFigures(script: string, figures: readonly TBenchFigure[]): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  writeFileSync(join(FIGURES_DIR, `${script}.json`), JSON.stringify(figures, null, 2));
}

/** Every script's figures, by script, as last written. */
export function readFigures(): Map<string, TBenchFigure[]> {
  let files: string[] = [];
  try {
    files = readdirSync(FIGURES_DIR).filter((file) => file.endsWith('.json'));
  } catch {
    return new Map();
  }
  return new Map(
    files
      .sort()
      .map((file) => [
        file.replace(/\.json$/, ''),
        JSON.parse(readFileSync(join(FIGURES_DIR, file), 'utf8')) as TBenchFigure[],
      ]),
  );
}

/** Forgets a script's figures before it runs again: whatever is there afterwards is that run's. */
export function clearFigures(script: string): void {
  rmSync(join(FIGURES_DIR, `${script}.json`), { force: true });
}
