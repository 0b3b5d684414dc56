import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoMembers } from '@boucle/functions/local/demo-organisation';
import { useBrowserStack } from './harness.js';

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
    await page.getByText('No idea yet for this iteration — be the first').waitFor();

    // An empty form is told what is missing before anything is sent.
    await page.getByRole('button', { name: 'Submit the idea' }).click();
    await page.getByRole('alert').getByText('Some fields need your attention.').waitFor();
    expect(await page.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Category').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Title').fill('A channel for tips');
    await page.getByLabel('Description').fill('One short tip a week on how to post well.');
    await page.getByLabel('Category').selectOption({ label: 'Usage convention' });
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
    await page.getByRole('link', { name: 'New' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('new');
    expect(await page.getByRole('link', { name: 'New' }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByRole('link', { name: 'Top' }).getAttribute('aria-current')).toBeNull();
    await page.getByRole('listitem').filter({ hasText: 'A channel for tips' }).waitFor();
    await page.context().close();
  });
});
