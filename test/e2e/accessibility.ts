import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The rules of WCAG 2.2 level AA that axe-core can check by itself. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

type TAxeWindow = {
  axe?: { run: (context: Document, options: RunOptions) => Promise<AxeResults> };
};

/**
 * The WCAG 2.2 AA violations axe-core finds in the page as it is now, one line per failing
 * element: the rule, its impact, what it asks, where, and how to fix it. Axe is evaluated
 * through the DevTools protocol, which the page's CSP does not govern (a script tag would be
 * refused).
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const { axe } = window as unknown as TAxeWindow;
    if (!axe) throw new Error('axe-core did not load');
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help} — ` +
          `${node.target.join(' ')}${node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
      ),
    );
  }, WCAG_AA_TAGS);
}

/**
 * Fails, listing every violation (rule, impact, help, element), unless axe-core finds none of
 * WCAG 2.2 AA in the page's current state. `state` names it in the failure: page and situation.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  expect(await accessibilityViolations(page), `accessibility of ${state}`).toEqual([]);
}
