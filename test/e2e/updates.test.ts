import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoMembers } from '@boucle/functions/local/demo-organisation';
import { changeIdeaStatus } from '@boucle/functions/services/idea-triage';
import { submitIdea } from '@boucle/functions/services/ideas';
import { updatesOf } from '@boucle/functions/services/updates';
import { expectAccessible } from './accessibility.js';
import { STEERING_EMAIL, useBrowserStack } from './harness.js';

describe('the loop closes in front of the member', () => {
  // Nothing here is expected to be refused: every console error is a problem.
  const browser = useBrowserStack({ allowApiRefusals: false });
  // The seed leaves the first members without an answer to the open pulse.
  const member = demoMembers()
    .slice(0, 12)
    .findLast((one) => one.role === 'employee');

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

  it('the steering group adopts and revises a convention in the register', async () => {
    const page = await browser.newPage({ width: 375 });
    await browser.signInAs(page, STEERING_EMAIL);
    await page.getByRole('heading', { name: 'Iteration review' }).waitFor();
    await nav(page).getByRole('link', { name: 'Conventions' }).click();
    await page.getByRole('heading', { name: 'Usage conventions', level: 1 }).waitFor();

    await expectAccessible(page, 'the conventions, for the steering group');
    const adopt = page.getByRole('region', { name: 'Adopt a convention' });
    await adopt.getByLabel('Title').fill('Name files by date first');
    await adopt.getByLabel('Text').fill('2026-11-27 Minutes, so that they sort.');
    await adopt.getByLabel('Adopted in').selectOption({ index: 3 });
    await adopt.getByRole('button', { name: 'Adopt the convention' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: '“Name files by date first” is in the register.' })
      .waitFor();

    const entry = page.getByRole('listitem').filter({ hasText: 'Name files by date first' });
    await entry.getByRole('button', { name: 'Revise “Name files by date first”' }).click();
    await entry.getByLabel('Text').waitFor();
    await expectAccessible(page, 'a convention being revised');
    await entry.getByLabel('Text').fill('Date first (2026-11-27), then the subject.');
    await entry.getByRole('button', { name: 'Save the revision' }).click();
    await entry.getByText('Earlier wordings (1)').waitFor();
    await page.context().close();
  });

  it('a member sees the review first on the pulse, a badge, their updates and the register', async () => {
    if (!member) throw new Error('no fresh demo employee');
    const { deps } = browser.stack;
    const reviewed = await deps.iterations.get(4);
    if (!reviewed) throw new Error('no iteration 4 in the demo');
    await deps.reviews.publish(
      { id: 4, name: reviewed.iteration.name },
      {
        summary: 'What we changed after iteration 4.',
        saidWeDid: [
          {
            said: 'Too many e-mails about posts',
            did: 'A convention: reply in the thread',
            ideaIds: [],
          },
        ],
        decisions: [],
        actions: [],
      },
      new Date(),
    );

    // The member's anonymous idea, declined by the steering group with a reason.
    const author = { email: member.email, name: member.name, roles: ['employee' as const] };
    const idea = await submitIdea(deps, author, {
      title: 'A community for recipes',
      description: 'To share lunch ideas',
      category: 'other',
      anonymous: true,
    });
    const claire = { email: STEERING_EMAIL, name: 'Claire', roles: ['steering' as const] };
    await changeIdeaStatus(deps, claire, idea.id, {
      status: 'declined',
      reason: 'Off topic for the rollout',
    });

    const page = await browser.newPage({ width: 375 });
    await browser.signInAs(page, member.email);
    await page.getByRole('heading', { name: 'Iteration pulse' }).waitFor();
    // The card comes first, above the questions.
    const card = page.getByRole('region', { name: 'You said, we did' });
    await card.getByText('A convention: reply in the thread').waitFor();
    const cardFirst = await page.evaluate(() => {
      const section = document.querySelector('section.said');
      const form = document.querySelector('form');
      return Boolean(
        section && form && section.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
    });
    expect(cardFirst).toBe(true);
    await expectAccessible(page, 'the pulse with “you said, we did” and a badge');

    // The badge names how many things are new: at least the review and the declined idea.
    const { unseen } = await updatesOf(deps, author);
    expect(unseen).toBeGreaterThanOrEqual(2);
    const updates = nav(page).getByRole('link', { name: `Updates, ${unseen} new` });
    await updates.waitFor();
    await updates.click();
    await page.getByRole('heading', { name: 'You said, we did', level: 1 }).waitFor();
    expect(await page.title()).toBe('You said, we did · Boucle');
    await page.getByText('Too many e-mails about posts').waitFor();
    await page.getByRole('heading', { name: 'My ideas and votes' }).waitFor();
    const fate = page.getByRole('listitem').filter({ hasText: 'A community for recipes' });
    await fate.getByText('Off topic for the rollout').waitFor();
    expect(await fate.textContent()).toContain('Declined');
    expect(await fate.textContent()).toContain('your idea');
    await expectAccessible(page, 'the updates, an idea declined');
    // Read: the badge is gone, the link is plainly "Updates".
    await nav(page).getByRole('link', { name: 'Updates', exact: true }).waitFor();

    await nav(page).getByRole('link', { name: 'Conventions' }).click();
    await page.getByRole('heading', { name: 'Usage conventions', level: 1 }).waitFor();
    const entry = page.getByRole('listitem').filter({ hasText: 'Name files by date first' });
    await entry.getByText('Date first (2026-11-27), then the subject.').waitFor();
    await entry.getByText('Earlier wordings (1)').click();
    await entry.getByText('2026-11-27 Minutes, so that they sort.').waitFor();
    await expectAccessible(page, 'the conventions, earlier wordings open');
    // A member reads the register; only the steering group adopts and revises.
    expect(await page.getByRole('region', { name: 'Adopt a convention' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Revise/ }).count()).toBe(0);
    // Usable at 375 px: nothing wider than the screen.
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(375);
    await page.context().close();
  });
});
