import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoMembers } from '@boucle/functions/local/demo-organisation';
import type { TIdea } from '@boucle/shared';
import { expectAccessible } from './accessibility.js';
import { useBrowserStack } from './harness.js';

describe('an ambassador hides an abusive idea comment, on a phone', () => {
  // Nothing here is expected to be refused: an empty reason is stopped before it is sent.
  const browser = useBrowserStack({ allowApiRefusals: false });
  const members = demoMembers();
  const employee = members.find((member) => member.role === 'employee' && !member.ambassador);
  const ambassador = members.find((member) => member.role === 'employee' && member.ambassador);

  /** An idea to comment on, submitted through the API as the member would from the board. */
  async function ideaBy(email: string): Promise<TIdea> {
    const { url } = browser.stack;
    const login = await fetch(`${url}/api/auth/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    const { token } = (await login.json()) as { token: string };
    const submitted = await fetch(`${url}/api/ideas`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        title: 'Ban long posts',
        description: 'Keep them short',
        category: 'usage-convention',
        anonymous: false,
      }),
    });
    expect(submitted.status).toBe(201);
    return (await submitted.json()) as TIdea;
  }

  async function signedIn(email: string): Promise<Page> {
    const page = await browser.newPage({ width: 375 });
    await browser.signInAs(page, email);
    await page.getByRole('heading', { name: 'Iteration pulse' }).waitFor();
    return page;
  }

  it('comments as an employee, hides as an ambassador; the employee sees the reason, not the text', async () => {
    if (!employee || !ambassador) throw new Error('no demo employee or ambassador');
    const idea = await ideaBy(employee.email);
    const abusive = 'Whoever wrote this is an idiot';

    // The employee comments anonymously on the idea's page.
    const page = await signedIn(employee.email);
    await page.goto(`${browser.stack.url}/ideas/${idea.id}`);
    await page.getByRole('heading', { name: 'Comments' }).waitFor();
    await page.getByText('No comment yet').waitFor();
    // The moderation link is not in an employee's menu.
    const menu = page.getByRole('navigation', { name: 'Main' });
    expect(await menu.getByRole('link', { name: 'Moderation' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Send the comment' }).click();
    expect(await page.getByLabel('Your comment').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'an idea’s page, an empty comment refused');
    await page.getByLabel('Your comment').fill(abusive);
    expect(await page.getByText(`${abusive.length} / 1000 characters`).isVisible()).toBe(true);
    await page.getByLabel('Comment anonymously').check();
    await page.getByRole('button', { name: 'Send the comment' }).click();
    const mine = page.getByRole('listitem').filter({ hasText: abusive });
    await mine.waitFor();
    expect(await mine.textContent()).toContain('Anonymous');
    expect(await mine.textContent()).toContain('yours');
    expect(await mine.textContent()).not.toContain(employee.name);
    // An employee has no Hide button.
    expect(await mine.getByRole('button', { name: 'Hide' }).count()).toBe(0);
    await expectAccessible(page, 'an idea’s page with the member’s comment');

    // The ambassador finds it in the queue, without its author, and hides it with a reason.
    const moderator = await signedIn(ambassador.email);
    await moderator
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Moderation' })
      .click();
    await moderator.getByRole('heading', { name: 'Moderation of idea comments' }).waitFor();
    const queued = moderator.getByRole('listitem').filter({ hasText: abusive });
    await queued.waitFor();
    expect(await queued.textContent()).toContain('Anonymous');
    expect(await queued.textContent()).not.toContain(employee.name);
    await expectAccessible(moderator, 'the moderation queue');
    await queued.getByRole('button', { name: 'Hide' }).click();
    const dialog = moderator.getByRole('dialog', { name: 'Hide this comment' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Hide the comment' }).click();
    expect(await dialog.getByLabel('Reason, shown to everyone').getAttribute('aria-invalid')).toBe(
      'true',
    );
    await expectAccessible(moderator, 'the hide dialog, no reason given');
    await dialog.getByLabel('Reason, shown to everyone').fill('Insults a colleague');
    await dialog.getByRole('button', { name: 'Hide the comment' }).click();
    await expect.poll(() => queued.textContent()).toContain(`Hidden by ${ambassador.name}`);
    expect(await queued.textContent()).toContain('Insults a colleague');
    expect(await dialog.isVisible()).toBe(false);
    // The hidden filter is the audit: who, when, why — and the text, kept.
    await moderator.getByRole('link', { name: 'Hidden' }).click();
    await expect.poll(() => new URL(moderator.url()).searchParams.get('state')).toBe('hidden');
    const audited = moderator.getByRole('listitem').filter({ hasText: abusive });
    await audited.waitFor();
    expect(await audited.textContent()).toContain('Insults a colleague');
    await expectAccessible(moderator, 'the moderation audit of hidden comments');
    await moderator.context().close();

    // The employee sees the reason, no longer the text.
    await page.reload();
    await page.getByText('Hidden by a moderator: Insults a colleague').waitFor();
    expect(await page.getByText(abusive).count()).toBe(0);
    await expectAccessible(page, 'an idea’s page with a hidden comment');
    await page.context().close();
  });
});
