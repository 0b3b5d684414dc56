/**
 * `npm run bench`: runs each bench script in turn, each in its own process with its output
 * streamed (each stays runnable alone: `npx tsx test/load/<script>.ts`), then prints one
 * summary table of the figures they wrote and puts it at the top of docs/quality.md, with the
 * date, the machine and its load. BENCH_SKIP=name,… leaves scripts out.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { clearFigures, readFigures } from './figures.js';
import { placeSummary, summaryTable, type TScriptRun } from './summary.js';

const SCRIPTS = [
  'http-burst',
  'submit-burst',
  'hot-keys',
  'vote-burst',
  'lambda-init',
  'review-reads',
  'roster-import',
];
const root = resolve(import.meta.dirname, '../..');
const qualityFile = join(root, 'docs', 'quality.md');

const skip = new Set(
  (process.env.BENCH_SKIP ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean),
);
const unknown = [...skip].filter((name) => !SCRIPTS.includes(name));
if (unknown.length > 0) {
  throw new Error(
    `BENCH_SKIP names no bench script: ${unknown.join(', ')} (${SCRIPTS.join(', ')})`,
  );
}

const started = new Date();
const loadAtStart = loadavg()[0] ?? 0;
const runs: TScriptRun[] = [];
for (const script of SCRIPTS) {
  if (skip.has(script)) {
    runs.push({ script, outcome: 'skipped' });
    continue;
  }
  console.log(`\n=== ${script} ===`);
  clearFigures(script);
  const began = performance.now();
  const code = await run(join(import.meta.dirname, `${script}.ts`));
  const seconds = (performance.now() - began) / 1000;
  runs.push(
    code === 0 ? { script, outcome: 'ran', seconds } : { script, outcome: 'failed', seconds, code },
  );
}

const minutes = (Date.now() - started.getTime()) / 60_000;
const processors = cpus();
const about = [
  `Last \`npm run bench\`: ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${minutes.toFixed(0)} min`,
  `on ${processors.length} × ${processors[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB,`,
  `Node ${process.version}; load average ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end.`,
  `Run by run: ${runs.map(timeOf).join(', ')}.`,
].join(' ');
const table = summaryTable(runs, readFigures());
console.log(`\n=== summary ===\n\n${about}\n\n${table}\n`);

const document = placeSummary(readFileSync(qualityFile, 'utf8'), `${about}\n\n${table}`);
const options = await resolveConfig(qualityFile);
writeFileSync(qualityFile, await format(document, { ...options, filepath: qualityFile }));
console.log(`Written to ${qualityFile}.`);
if (runs.some((each) => each.outcome === 'failed')) process.exitCode = 1;

function run(file: string): Promise<number | null> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      cwd: root,
      stdio: 'inherit',
    });
    child.once('error', fail);
    child.once('exit', (code) => done(code));
  });
}

function timeOf(each: TScriptRun): string {
  return each.outcome === 'skipped'
    ? `${each.script} skipped`
    : `${each.script} ${each.seconds.toFixed(0)} s${each.outcome === 'failed' ? ' (failed)' : ''}`;
}
