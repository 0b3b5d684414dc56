import { describe, expect, it } from 'vitest';
import { takeLifecycleStep } from '@boucle/functions/services/iterations';
import { expectAccessible } from './accessibility.js';
import { STEERING_EMAIL, useBrowserStack } from './harness.js';

describe('the steering group writes and publishes the iteration review on a phone', () => {
  const browser = useBrowserStack();

  it('writes a draft, previews it, publishes it, then a dated correction', async () => {
    const page = await browser.newPage({ width: 375, height: 760 });
    await browser.signInAs(page, STEERING_EMAIL);
    await page.getByRole('heading', { name: 'Iteration review' }).waitFor();
    await page.getByRole('link', { name: 'Decisions' }).click();
    await page.getByRole('heading', { name: 'Decisions and actions' }).waitFor();
    expect(await page.title()).toBe('Decisions and actions · Boucle');
    // The latest reviewed iteration by default, with the review the demo published for it.
    // (The iteration select comes first; the actions' "Due by" selects also name iterations.)
    expect(await page.getByRole('combobox').first().inputValue()).toBe('4');
    await page.getByTestId('revision').first().waitFor();
    // The open iteration ends: its review is still to write.
    await expectAccessible(page, 'the decisions of a reviewed iteration');
    await takeLifecycleStep(browser.stack.deps, 5, 'close');
    await page.goto(`${browser.stack.url}/steering/review?iteration=5`);
    await page.getByText('Nothing published yet.').waitFor();
    await expectAccessible(page, 'the review editor, nothing published');

    await page.getByLabel('Summary').fill('Ambassadors made the difference.');
    await page.getByRole('button', { name: 'Add a said / did pair' }).click();
    await page.getByLabel('You said:').fill('Communities go quiet.');
    await page.getByLabel('We did:').fill('An ambassador per community.');
    await page.getByRole('button', { name: 'Add a decision' }).click();
    await page.getByLabel('Decision', { exact: true }).fill('Advanced training for ambassadors.');
    await page.getByRole('button', { name: 'Add an action' }).click();
    // Saved blank, it is refused before leaving the page, naming the field as the editor does.
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page
      .getByTestId('invalid')
      .getByText(/^Action 1 › What: /)
      .waitFor();
    await expectAccessible(page, 'the review editor with an invalid action');
    await page.getByLabel('What').fill('Managers post their team news');
    await page.getByLabel('Who carries it').fill('Managers');
    await page.getByLabel('Due by').selectOption({ label: 'Iteration 3 — Usage conventions' });
    await page.getByLabel('Tracked question').selectOption('usefulness');
    // Due before the open iteration and not done: late, as the editor says at once.
    await page.getByTestId('editor-overdue').waitFor();

    // Not saved yet: nothing to publish.
    expect(await page.getByRole('button', { name: 'Publish…' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('preview');
    await preview.getByText('We did: An ambassador per community.').waitFor();
    expect(await preview.getByTestId('overdue').count()).toBe(1);
    await expectAccessible(page, 'the review preview');

    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByText('Draft saved.').waitFor();
    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish the review?' });
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByTestId('revision').first().waitFor();
    expect(await page.getByTestId('revision').allTextContents()).toEqual([
      expect.stringMatching(/^\s*Revision 1, published on .+\s*$/),
    ]);

    // A correction: the same draft changed, saved and published as revision 2, dated.
    await page.getByLabel('Summary').fill('Ambassadors made the difference at Nantes too.');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByText('Draft saved.').waitFor();
    await page.getByRole('button', { name: 'Publish…' }).click();
    await dialog.getByText(/This publishes a correction/).waitFor();
    await expectAccessible(page, 'the publish confirmation of a correction');
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => page.getByTestId('revision').count()).toBe(2);
    const [second, first] = await page.getByTestId('revision').allTextContents();
    expect(second).toMatch(/Revision 2, published on .+ — correction of /);
    expect(first).toMatch(/Revision 1/);
    // The first revision still reads as it was published.
    await page.getByTestId('revision').nth(1).click();
    await page.getByText('Ambassadors made the difference.', { exact: true }).waitFor();
    await expectAccessible(page, 'a published revision');
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
  });

  it('refuses a save over a draft someone saved meanwhile, then reloads theirs', async () => {
    const mine = await browser.newPage();
    const theirs = await browser.newPage();
    for (const page of [mine, theirs]) {
      await browser.signInAs(page, STEERING_EMAIL);
      // Signed in once the landing page shows, or its redirect could overtake the next one.
      await page.getByRole('heading', { name: 'Iteration review' }).waitFor();
      await page.goto(`${browser.stack.url}/steering/review?iteration=3`);
      await page.getByRole('heading', { name: 'Decisions and actions' }).waitFor();
    }
    await theirs.getByLabel('Summary').fill('Their summary');
    await theirs.getByRole('button', { name: 'Save the draft' }).click();
    await theirs.getByText('Draft saved.').waitFor();

    await mine.getByLabel('Summary').fill('My summary');
    await mine.getByRole('button', { name: 'Save the draft' }).click();
    await mine.getByText('Someone saved this review meanwhile.', { exact: false }).waitFor();
    await expectAccessible(mine, 'the review editor, saved meanwhile by someone');
    await mine.getByRole('button', { name: 'Reload the review' }).click();
    await expect.poll(() => mine.getByLabel('Summary').inputValue()).toBe('Their summary');
    await mine.getByLabel('Summary').fill('Our summary');
    await mine.getByRole('button', { name: 'Save the draft' }).click();
    await mine.getByText('Draft saved.').waitFor();
  });
});
