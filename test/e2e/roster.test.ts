import { demoMembers } from '@boucle/functions/local/demo-organisation';
import { describe, expect, it } from 'vitest';
import { rosterCsv } from '../integration/roster-csv.js';
import { expectAccessible } from './accessibility.js';
import { useBrowserStack } from './harness.js';

const STEERING = 'claire.martin@demo.boucle.example';

describe('the steering group imports a large roster on a phone', () => {
  const browser = useBrowserStack();

  const upload = async (page: Awaited<ReturnType<typeof browser.newPage>>, count: number) => {
    await page.getByLabel('CSV file').setInputFiles({
      name: 'roster.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(rosterCsv(demoMembers(count))),
    });
    await page.getByRole('button', { name: 'Import' }).click();
  };

  it('sends it in chunks with its progress, and retries the chunk that failed', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    page.on('dialog', (dialog) => void dialog.accept());
    await browser.signInAs(page, STEERING);
    await page.getByRole('link', { name: 'Directory' }).click();
    await page.getByText('300', { exact: true }).waitFor();
    // The second chunk is throttled once on its way, as API Gateway may do.
    let throttled = false;
    await page.route('**/api/roster/imports/*/chunks/2', async (route) => {
      if (throttled) return route.continue();
      throttled = true;
      await route.fulfill({
        status: 429,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'unavailable', message: 'Too many requests' } }),
      });
    });
    await upload(page, 2500);
    const progress = page.getByRole('progressbar', { name: 'Roster sent' });
    await progress.waitFor();
    const status = page.locator('.import-progress [role="status"]');
    await expect
      .poll(() => status.textContent())
      .toContain('Chunk 2 of 3 · 1000 of 2500 members sent');
    await page.getByText('Chunk 2 of 3 was not sent').waitFor();
    expect(await progress.getAttribute('value')).toBe('1');
    await expectAccessible(page, 'the directory with a chunk to retry');
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByText('2500 members imported.').waitFor();
    await page.getByText('2500', { exact: true }).waitFor();
    expect(await progress.count()).toBe(0);
    await expectAccessible(page, 'the directory after a staged import');
    await page.context().close();
  });

  it('asks before completing an import that removes many members', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
    await browser.signInAs(page, STEERING);
    await page.getByRole('link', { name: 'Directory' }).click();
    await page.getByText('2500', { exact: true }).waitFor();
    await upload(page, 20);
    await page.getByText('20 members imported.').waitFor();
    expect(dialogs).toEqual([
      'Replace the directory of 2500 members with this file?',
      'This file removes 2480 of the 2500 members of the directory. They will no longer be able to answer. Import it anyway?',
    ]);
    await page.getByText('20', { exact: true }).waitFor();
    await page.context().close();
  });
});
