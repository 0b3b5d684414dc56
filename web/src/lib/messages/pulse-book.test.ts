import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages as pulseBook } from './en';
import { messages as pagesBook } from './en-pages';

const SRC = resolve(import.meta.dirname, '../..');

// What the pulse and its receipt load before they show: the layout, the pages, their imports.
const PULSE_ROOTS = [
  'routes/+layout.svelte',
  'routes/+layout.ts',
  'routes/+error.svelte',
  'routes/+page.ts',
  'routes/pulse/+page.svelte',
  'routes/pulse/+page.ts',
  'routes/receipt/+page.svelte',
  'routes/receipt/+page.ts',
];

/** The app's own module an import names (`$lib/…` or relative), or null. */
function fileOf(importer: string, specifier: string): string | null {
  const base = specifier.startsWith('$lib/')
    ? resolve(SRC, 'lib', specifier.slice('$lib/'.length))
    : specifier.startsWith('.')
      ? resolve(dirname(importer), specifier)
      : null;
  // Packages and styles carry no words.
  if (base === null || base.endsWith('.css')) return null;
  const file = [base, `${base}.ts`, `${base}.svelte.ts`].find(
    (candidate) => /\.(ts|svelte)$/.test(candidate) && existsSync(candidate),
  );
  if (!file) throw new Error(`${relative(SRC, importer)} imports ${specifier}: not found`);
  return file;
}

/** Every file of the app the pulse's pages import at run time (type imports cost nothing). */
function pulseFiles(): string[] {
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, typeOnly, specifier] of code.matchAll(
      /\bimport\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    )) {
      const imported = typeOnly || !specifier ? null : fileOf(file, specifier);
      if (imported) visit(imported);
    }
  };
  PULSE_ROOTS.forEach((root) => visit(resolve(SRC, root)));
  return [...files];
}

describe("the pulse's book of words", () => {
  const files = pulseFiles();

  it('holds every word the pulse and its receipt show, so nothing shows as a key', () => {
    expect(files.map((file) => relative(SRC, file))).toContain(
      'lib/components/QuestionField.svelte',
    );
    const missing: string[] = [];
    for (const file of files) {
      // The catalogue's own lookups (segmentValue) serve the steering pages, not the pulse.
      if (file.endsWith('lib/i18n.svelte.ts')) continue;
      for (const [, argument = ''] of readFileSync(file, 'utf8').matchAll(/\bt\(\s*([^,)]*)/g)) {
        const key = /^'([^']+)'$/.exec(argument.trim())?.[1];
        if (key === undefined) missing.push(`${relative(SRC, file)}: a key read at run time`);
        else if (!(key in pulseBook)) missing.push(`${relative(SRC, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('shares no key with the other pages’ book', () => {
    expect(Object.keys(pulseBook).filter((key) => key in pagesBook)).toEqual([]);
  });
});
