import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageJavaScript } from '../load/web-js.js';

/** What every member opens on a phone: at most 60 KB of JavaScript gzip (issue 10, ADR 0026). */
const PULSE_BUDGET_GZIP_BYTES = 60_000;

describe('the pulse page, as built', () => {
  const pulse = pageJavaScript('pulse');

  it('loads at most 60 KB of JavaScript gzip', () => {
    expect(pulse.gzipBytes).toBeLessThanOrEqual(PULSE_BUDGET_GZIP_BYTES);
  });

  // zod was a third of the page: its schemas and its locales belong to the pages that parse.
  it('loads no zod', () => {
    const withZod = pulse.paths.filter((path) => readFileSync(path, 'utf8').includes('$Zod'));
    expect(withZod).toEqual([]);
  });
});
