import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './accessibility.js';
import { STEERING_EMAIL, useBrowserStack } from './harness.js';

describe('the steering group reads the comments of a closed iteration on a phone', () => {
  // No request here is expected to be refused: every console error is a problem.
  const browser = useBrowserStack({ allowApiRefusals: false });

  const phone = () => browser.newPage({ width: 375, height: 812 });

  const totalOf = async (page: Page) =>
    Number(
      (await page.getByRole('heading', { level: 2, name: /comments/ }).textContent())?.match(
        /\d+/,
      )?.[0],
    );

  it('opens the comments, sees themes, searches, pages and downloads them as CSV', async () => {
    const page = await phone();
    await browser.signInAs(page, STEERING_EMAIL);
    await page.getByRole('link', { name: 'Comments' }).click();
    await page.getByRole('heading', { name: 'Comments', level: 1 }).waitFor();
    expect(await page.title()).toBe('Comments · Boucle');
    // The latest closed iteration by default: the demo's fourth.
    expect(await page.getByRole('combobox', { name: 'Iteration' }).inputValue()).toBe('4');
    await page.getByRole('heading', { name: /^\d+ comments$/ }).waitFor();
    const total = await totalOf(page);
    expect(total).toBeGreaterThan(20);
    const list = page.getByTestId('comments').getByRole('listitem');
    expect(await list.count()).toBe(20);
    // Usable at 375 px: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    await expectAccessible(page, 'the comments');

    // Themes are buttons: pressing one shows only the comments holding its term.
    const first = page.locator('.chip').first();
    const [term, count] = ((await first.textContent()) ?? '').trim().split(/\s+/);
    expect(Number(count)).toBeGreaterThanOrEqual(2);
    await first.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `${count} comments match` }).waitFor();
    expect(await first.getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(page, 'the comments of a theme');
    for (const text of await list.allTextContents()) expect(text.toLowerCase()).toContain(term);
    await first.click();
    await page.getByRole('heading', { name: `${total} comments` }).waitFor();

    // Search ignores case and accents, once typing pauses.
    await page.getByLabel('Search the comments').fill('NANTÉS');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('NANTÉS');
    await page.getByRole('heading', { name: /comments match$/ }).waitFor();
    for (const text of await list.allTextContents()) expect(text).toContain('Nantes');
    await page.getByLabel('Search the comments').fill('');
    await page.getByLabel('Search the comments').press('Enter');
    await page.getByRole('heading', { name: `${total} comments` }).waitFor();

    // The next page comes under the first one.
    await page.getByRole('button', { name: 'More comments' }).click();
    await expect.poll(() => list.count()).toBe(Math.min(40, total));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('comments-iteration-4.csv');
    const lines = readFileSync((await download.path()) ?? '', 'utf8')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toBe('\uFEFFiteration,breakdown,group,comment');
    expect(lines).toHaveLength(total + 1);

    // By team: each comment is labelled in one breakdown only, and the page says so.
    await page.getByLabel('Break down by').selectOption('team');
    await page.getByText(/more comments are labelled in another breakdown/).waitFor();
    await expectAccessible(page, 'the comments by team');
    await page.context().close();
  });
});
