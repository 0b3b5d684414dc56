import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoMembers } from '@boucle/functions/local/demo-organisation';
import { expectAccessible } from './accessibility.js';
import { STEERING_EMAIL, useBrowserStack } from './harness.js';

describe('members share ideas and vote on a phone', () => {
  // Nothing here is expected to be refused: the empty form is stopped before it is sent.
  const browser = useBrowserStack({ allowApiRefusals: false });
  const employees = demoMembers().filter((member) => member.role === 'employee');

  async function openIdeas(email: string): Promise<Page> {
    const page = await browser.newPage({ width: 375 });
    await browser.signInAs(page, email);
    await page.getByRole('heading', { name: 'Iteration pulse' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Ideas' })
      .click();
    await page.getByRole('heading', { name: 'Ideas', level: 1 }).waitFor();
    return page;
  }

  it('submits an anonymous idea, votes and takes the vote back; another member votes too', async () => {
    const [first, second] = employees;
    if (!first || !second) throw new Error('no demo employees');
    const page = await openIdeas(first.email);
    expect(await page.title()).toBe('Ideas · Boucle');
    const form = page.getByRole('region', { name: 'Submit an idea' });
    // The demo's ideas of the open iteration are on the board already.
    await page.getByRole('list').first().getByRole('heading', { level: 2 }).first().waitFor();

    // An empty form is told what is missing before anything is sent.
    await page.getByRole('button', { name: 'Submit the idea' }).click();
    await page.getByRole('alert').getByText('Some fields need your attention.').waitFor();
    await expectAccessible(page, 'the ideas board, the form with its errors');
    expect(await page.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Category').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Title').fill('A channel for tips');
    await page.getByLabel('Description').fill('One short tip a week on how to post well.');
    await form.getByLabel('Category').selectOption({ label: 'Usage convention' });
    await page.getByLabel('Submit anonymously').check();
    expect(
      await page.getByText('Your name is not shown; you can still find it as yours.').isVisible(),
    ).toBe(true);
    await page.getByRole('button', { name: 'Submit the idea' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'on the board' }).count())
      .toBe(1);

    const idea = page.getByRole('listitem').filter({ hasText: 'A channel for tips' });
    expect(await idea.textContent()).toContain('Anonymous');
    expect(await idea.textContent()).toContain('Usage convention');
    expect(await idea.textContent()).not.toContain(first.name);
    const vote = idea.getByRole('button', { name: /^Vote for “A channel for tips”/ });
    expect(await vote.getAttribute('aria-pressed')).toBe('false');
    expect(await vote.textContent()).toContain('0 votes');

    await expectAccessible(page, 'the ideas board, an idea submitted');
    await vote.click();
    await expect.poll(() => vote.getAttribute('aria-pressed')).toBe('true');
    expect(await vote.textContent()).toContain('1 vote');
    // From the keyboard too, and the focus stays on the button.
    await vote.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => vote.getAttribute('aria-pressed')).toBe('false');
    expect(await vote.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await vote.textContent()).toContain('0 votes');

    // Another member sees it without its author, and votes.
    const other = await openIdeas(second.email);
    const seen = other.getByRole('listitem').filter({ hasText: 'A channel for tips' });
    expect(await seen.textContent()).toContain('Anonymous');
    expect(await seen.textContent()).not.toContain(first.name);
    expect(await seen.textContent()).not.toContain('yours');
    const theirVote = seen.getByRole('button', { name: /^Vote for/ });
    await theirVote.click();
    await expect.poll(() => theirVote.getAttribute('aria-pressed')).toBe('true');
    expect(await theirVote.textContent()).toContain('1 vote');
    await other.context().close();

    // The first member orders by newest, from the address too.
    await page.getByLabel('Order of the ideas').selectOption({ label: 'New' });
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('new');
    expect(await page.getByLabel('Order of the ideas').inputValue()).toBe('new');
    await page.getByRole('listitem').filter({ hasText: 'A channel for tips' }).waitFor();
    await page.context().close();
  });
  it('filters the board, opens an idea, triages it and merges a duplicate', async () => {
    const [, , author] = employees;
    if (!author) throw new Error('no demo employees');
    const page = await openIdeas(author.email);
    const form = page.getByRole('region', { name: 'Submit an idea' });
    const submit = async (title: string, description: string) => {
      await page.getByLabel('Title').fill(title);
      await page.getByLabel('Description').fill(description);
      await form.getByLabel('Category').selectOption({ label: 'Community life' });
      await page.getByRole('button', { name: 'Submit the idea' }).click();
      await page.getByRole('status').filter({ hasText: title }).waitFor();
    };
    await submit('Podcast des managers', 'Un épisode par mois où les managers racontent.');
    // While typing a close idea, the form offers to vote for the one already there.
    await page.getByLabel('Title').fill('Podcast mensuel');
    await page.getByLabel('Description').fill('Les managers en podcast, chaque mois');
    await page.getByText('Similar ideas already on the board:').waitFor();
    await expectAccessible(page, 'the idea form offering similar ideas');
    await form.getByRole('link', { name: 'Podcast des managers' }).waitFor();
    await form.getByRole('link', { name: 'vote for this one instead' }).first().waitFor();
    await form.getByLabel('Category').selectOption({ label: 'Community life' });
    await page.getByRole('button', { name: 'Submit the idea' }).click();
    await page.getByRole('status').filter({ hasText: 'Podcast mensuel' }).waitFor();

    // Filters live in the address: category, then words (accents and case aside).
    const filters = page.getByRole('search', { name: 'Filter the ideas' });
    await filters.getByLabel('Category').selectOption({ label: 'Community life' });
    await expect.poll(() => new URL(page.url()).searchParams.get('category')).toBe('animation');
    await filters.getByLabel('Words').fill('PODCAST MENSUEL');
    await filters.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('PODCAST MENSUEL');
    const cards = page.getByRole('list').first().getByRole('heading', { level: 2 });
    await expect.poll(() => cards.allTextContents()).toEqual(['Podcast mensuel']);
    await expectAccessible(page, 'the ideas board, filtered');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );

    // The idea's page: full text, status and history.
    await page.getByRole('link', { name: 'Podcast mensuel' }).click();
    await page.getByRole('heading', { name: 'Podcast mensuel', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    expect(await page.getByText('Les managers en podcast, chaque mois').isVisible()).toBe(true);
    await page.getByText('Edit my idea').click();
    await expectAccessible(page, 'an idea’s page, for its author, editing');
    // The author edits it: the same fields as when it was submitted, refused when emptied.
    const edit = page.locator('details.edit');
    await edit.getByLabel('Title').fill(' ');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.locator('.field-error').first().waitFor();
    await edit.getByLabel('Title').fill('Podcast mensuel');
    await edit.getByLabel('Description').fill('Les managers en podcast, chaque mois, 10 minutes');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.getByText('Les managers en podcast, chaque mois, 10 minutes').first().waitFor();
    await page.context().close();

    // The steering group triages from the keyboard: under review, then planned.
    const steering = await browser.newPage({ width: 375 });
    await browser.signInAs(steering, STEERING_EMAIL);
    await steering.getByRole('heading', { name: 'Iteration review' }).waitFor();
    await steering.getByRole('link', { name: 'Triage' }).click();
    await steering.getByRole('heading', { name: 'Triage of ideas', level: 1 }).waitFor();
    const statusForm = steering.getByRole('form', { name: 'Status of “Podcast des managers”' });
    await statusForm.getByLabel('New status').selectOption({ label: 'Under review' });
    await statusForm.getByRole('button', { name: 'Apply' }).focus();
    await steering.keyboard.press('Enter');
    const reviewed = steering
      .getByRole('region', { name: /Under review/ })
      .getByRole('link', { name: 'Podcast des managers' });
    await reviewed.waitFor();
    await statusForm.getByLabel('New status').selectOption({ label: 'Planned' });
    await statusForm.getByLabel('Planned for').selectOption({ index: 1 });
    await statusForm.getByRole('button', { name: 'Apply' }).click();
    await steering
      .getByRole('region', { name: /Planned/ })
      .getByRole('link', { name: 'Podcast des managers' })
      .waitFor();
    await expectAccessible(steering, 'the triage board, an idea planned');

    // Merge the later idea into the first, confirmed in a dialog.
    await steering.getByRole('link', { name: 'Podcast mensuel' }).click();
    await steering.getByRole('heading', { name: 'Podcast mensuel', level: 1 }).waitFor();
    await steering.getByText('Merge into…').click();
    await steering.getByRole('searchbox', { name: 'Find the idea to keep' }).fill('podcast');
    await steering
      .getByRole('search', { name: 'Find the idea to keep' })
      .getByRole('button')
      .click();
    await steering.getByRole('button', { name: 'Keep “Podcast des managers”' }).click();
    const dialog = steering.getByRole('dialog', { name: 'Merge these ideas?' });
    await dialog.waitFor();
    await expectAccessible(steering, 'the merge confirmation, for the steering group');
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await steering.getByText('Merged into:').waitFor();
    await steering.getByRole('link', { name: 'Podcast des managers' }).click();
    await steering.getByRole('heading', { name: 'Merged into this idea' }).waitFor();
    await steering.getByRole('link', { name: 'Podcast mensuel' }).waitFor();
    await expectAccessible(steering, 'an idea’s page with a merged idea');
    // The steering group moves it on from its page too.
    const onPage = steering.getByRole('form', { name: 'Status of “Podcast des managers”' });
    await onPage.getByLabel('New status').selectOption({ label: 'In progress' });
    await onPage.getByRole('button', { name: 'Apply' }).click();
    await steering.getByRole('heading', { name: 'History' }).waitFor();
    await expect
      .poll(() => steering.getByRole('list').filter({ hasText: 'In progress' }).count())
      .toBeGreaterThan(0);
    await steering.context().close();
  });
});
