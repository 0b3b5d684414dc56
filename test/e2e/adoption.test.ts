import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './accessibility.js';
import { STEERING_EMAIL, useBrowserStack } from './harness.js';

const csvFile = (lines: string[]) => ({
  name: 'adoption.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(lines.join('\n')),
});

describe('the steering group keeps the adoption figures on a phone', () => {
  const browser = useBrowserStack();

  /** The narrowest phone the app is made for. */
  const phone = () => browser.newPage({ width: 375, height: 760 });

  const rowOf = (page: Page, name: RegExp) =>
    page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });

  it('shows the demo figures, corrects an iteration and uploads a file', async () => {
    const page = await phone();
    await browser.signInAs(page, STEERING_EMAIL);
    await page.getByRole('link', { name: 'Adoption' }).click();
    await page.getByRole('heading', { name: 'Adoption of the network' }).waitFor();
    expect(await page.title()).toBe('Adoption of the network · Boucle');

    // The seeded story: a quarter of the registered members active at launch, 60 % by iteration 4.
    const first = rowOf(page, /Iteration 1/);
    expect(await first.getByRole('cell').allTextContents()).toEqual([
      '150',
      '38',
      '9',
      '64',
      '110',
      '25 %',
      '24 %',
      expect.any(String),
    ]);
    expect(await rowOf(page, /Iteration 4/).textContent()).toContain('60 %');
    expect(await rowOf(page, /Iteration 5/).textContent()).toContain('No figures yet');
    // Nothing wider than the phone but the table, which scrolls in its own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    await expectAccessible(page, 'the adoption figures');

    // A correction, keyboard first: the form takes the focus; a wrong figure is named.
    await page.getByRole('button', { name: /Edit the figures of Iteration 2/ }).click();
    const registered = page.getByLabel('Registered members');
    expect(await registered.evaluate((input) => input === document.activeElement)).toBe(true);
    const active = page.getByLabel('Weekly active members');
    await active.fill('999');
    await page.keyboard.press('Enter');
    await page.getByText('Must not exceed the registered members').waitFor();
    expect(await active.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'the adoption correction with an error');
    await active.fill('80');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Figures of “Iteration 2 — Training in levels” saved.').waitFor();
    await expect
      .poll(() =>
        rowOf(page, /Iteration 2/)
          .getByRole('cell')
          .nth(1)
          .textContent(),
      )
      .toBe('80');

    // Escape leaves a form unsaved, back on the button that opened it.
    const editThird = page.getByRole('button', { name: /Edit the figures of Iteration 3/ });
    await editThird.click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByLabel('Registered members').count()).toBe(0);
    expect(await editThird.evaluate((button) => button === document.activeElement)).toBe(true);

    // A file with an error sends nothing and names the line and the column.
    const file = page.getByLabel('CSV file', { exact: true });
    await file.setInputFiles(
      csvFile([
        'iteration;inscrits;actifs hebdomadaires;contributeurs;publications;commentaires',
        '5;290;180;80;500;1100',
        '3;255;118;34;-2;560',
      ]),
    );
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Nothing was sent');
    expect(await alert.textContent()).toContain('line 3 · Posts');
    expect(await page.getByRole('button', { name: /^Send/ }).count()).toBe(0);
    await expectAccessible(page, 'the adoption file refused');

    // The corrected file: previewed, then one line after the other.
    await file.setInputFiles(
      csvFile([
        'iteration;inscrits;actifs hebdomadaires;contributeurs;publications;commentaires',
        '5;290;180;80;500;1100',
        '3;255;118;34;270;560',
      ]),
    );
    await page.getByText('Check these 2 lines, then send them.').waitFor();
    await expectAccessible(page, 'the adoption file previewed');
    await page.getByRole('button', { name: 'Send 2 lines' }).click();
    await page.getByText('2 iterations updated.').waitFor();
    await expect
      .poll(() =>
        rowOf(page, /Iteration 5/)
          .getByRole('cell')
          .first()
          .textContent(),
      )
      .toBe('290');
    expect(
      await rowOf(page, /Iteration 3/)
        .getByRole('cell')
        .nth(3)
        .textContent(),
    ).toBe('270');
    await page.context().close();
  });
});
