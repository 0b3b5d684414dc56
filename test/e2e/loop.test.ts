import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoMembers } from '@boucle/functions/local/demo-organisation';
import { takeLifecycleStep } from '@boucle/functions/services/iterations';
import { defaultPulseTemplate } from '@boucle/shared';
import { expectAccessible } from './accessibility.js';
import { STEERING_EMAIL, useBrowserStack } from './harness.js';

/**
 * The whole loop on a phone, as its users live it: two members suggest the same thing, an
 * ambassador merges the duplicate, the steering group triages and publishes its review, and at
 * the next pulse the member who suggested it reads what was done, first.
 */
describe('the ideas loop closes at the next pulse', () => {
  const browser = useBrowserStack({ allowApiRefusals: false });
  // The seed leaves the first members without an answer to the open pulse.
  const fresh = demoMembers()
    .slice(0, 12)
    .filter((member) => member.role === 'employee');
  const ambassador = demoMembers().find((m) => m.ambassador && m.role === 'employee');

  async function ideasBoard(email: string): Promise<Page> {
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

  async function submit(page: Page, title: string): Promise<void> {
    const form = page.getByRole('region', { name: 'Submit an idea' });
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Description').fill('Half an hour a week to ask anything.');
    await form.getByLabel('Category').selectOption({ label: 'Community life' });
    await form.getByRole('button', { name: 'Submit the idea' }).click();
    await page.getByRole('status').filter({ hasText: title }).waitFor();
  }

  const vote = async (page: Page, title: string) => {
    const button = page
      .getByRole('listitem')
      .filter({ hasText: title })
      .getByRole('button', { name: new RegExp(`^Vote for “${title}”`) });
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
  };

  it('submit → vote → merge → triage → publish → the member sees it at the next pulse', async () => {
    const [author, other] = fresh;
    if (!author || !other || !ambassador) throw new Error('no demo members for the loop');
    const kept = 'Ambassador office hours';
    const duplicate = 'Weekly questions hour with ambassadors';

    // Two members suggest the same thing; each votes for the other's idea.
    const first = await ideasBoard(author.email);
    await submit(first, kept);
    const second = await ideasBoard(other.email);
    await submit(second, duplicate);
    await vote(second, kept);
    await first.reload();
    await vote(first, duplicate);
    await second.context().close();

    // The ambassador merges the duplicate: the author's vote moves, the other's stays, 2 in all.
    const moderator = await browser.newPage({ width: 375 });
    await browser.signInAs(moderator, ambassador.email);
    await moderator.getByRole('heading', { name: 'Iteration pulse' }).waitFor();
    await moderator.goto(`${browser.stack.url}/ideas?sort=new`);
    await moderator.getByRole('link', { name: duplicate }).click();
    await moderator.getByRole('heading', { name: duplicate, level: 1 }).waitFor();
    await expectAccessible(moderator, 'an idea’s page, for an ambassador');
    await moderator.getByText('Merge into…').click();
    const finder = moderator.getByRole('search', { name: 'Find the idea to keep' });
    await finder.getByRole('searchbox').fill('office hours');
    await finder.getByRole('button').click();
    await moderator.getByRole('button', { name: `Keep “${kept}”` }).click();
    const merge = moderator.getByRole('dialog', { name: 'Merge these ideas?' });
    await merge.waitFor();
    await expectAccessible(moderator, 'the merge confirmation');
    await merge.getByRole('button', { name: 'Merge' }).click();
    await moderator.getByText('Merged into:').waitFor();
    await expectAccessible(moderator, 'a merged idea’s page');
    await moderator.context().close();

    // The steering group plans it from the triage board.
    const steering = await browser.newPage({ width: 375 });
    await browser.signInAs(steering, STEERING_EMAIL);
    await steering.getByRole('heading', { name: 'Iteration review' }).waitFor();
    await steering.getByRole('link', { name: 'Triage' }).click();
    await steering.getByRole('heading', { name: 'Triage of ideas', level: 1 }).waitFor();
    await expectAccessible(steering, 'the triage board');
    const status = steering.getByRole('form', { name: `Status of “${kept}”` });
    await status.getByLabel('New status').selectOption({ label: 'Under review' });
    await status.getByRole('button', { name: 'Apply' }).click();
    await steering
      .getByRole('region', { name: /Under review/ })
      .getByRole('link', { name: kept })
      .waitFor();
    await status.getByLabel('New status').selectOption({ label: 'Planned' });
    await status.getByLabel('Planned for').selectOption({ index: 1 });
    await status.getByRole('button', { name: 'Apply' }).click();
    const planned = steering.getByRole('region', { name: /Planned/ });
    await planned.getByRole('link', { name: kept }).waitFor();
    expect(await planned.getByRole('listitem').filter({ hasText: kept }).textContent()).toContain(
      '2 votes',
    );

    // The iteration ends; the steering group writes its review, linked to the idea, and publishes.
    const { deps } = browser.stack;
    await takeLifecycleStep(deps, 5, 'close');
    await steering.goto(`${browser.stack.url}/steering/review?iteration=5`);
    await steering.getByRole('heading', { name: 'Decisions and actions' }).waitFor();
    await steering.getByLabel('Summary').fill('Office hours start next iteration.');
    await steering.getByRole('button', { name: 'Add a said / did pair' }).click();
    await steering.getByLabel('You said:').fill('We need someone to ask.');
    await steering.getByLabel('We did:').fill('Ambassadors hold office hours every Tuesday.');
    await steering.getByTestId('idea-search').first().fill('office');
    await steering.getByRole('button', { name: `Link “${kept}”` }).click();
    await steering.getByRole('button', { name: 'Save the draft' }).click();
    await steering.getByText('Draft saved.').waitFor();
    await expectAccessible(steering, 'the review editor, an idea linked, the draft saved');
    await steering.getByRole('button', { name: 'Publish…' }).click();
    const publish = steering.getByRole('dialog', { name: 'Publish the review?' });
    await publish.waitFor();
    await expectAccessible(steering, 'the publish confirmation');
    await publish.getByRole('button', { name: 'Publish', exact: true }).click();
    await steering.getByTestId('revision').first().waitFor();
    await steering.context().close();

    // The next iteration opens with its pulse.
    await deps.iterations.create({
      name: 'Iteration 6 — Office hours',
      startDate: '2026-12-07',
      endDate: '2026-12-18',
      goals: ['Ambassadors hold office hours'],
    });
    await deps.iterations.setPulse(6, defaultPulseTemplate);
    await takeLifecycleStep(deps, 6, 'open');

    // At the next pulse, the member reads first what was done with what they said.
    await first.goto(`${browser.stack.url}/pulse`);
    await first.getByRole('heading', { name: 'Iteration pulse' }).waitFor();
    const card = first.getByRole('region', { name: 'You said, we did' });
    await card.getByText('Ambassadors hold office hours every Tuesday.').waitFor();
    await expectAccessible(first, 'the next pulse with “you said, we did”');
    const cardFirst = await first.evaluate(() => {
      const section = document.querySelector('section.said');
      const form = document.querySelector('form');
      return Boolean(
        section && form && section.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
    });
    expect(cardFirst).toBe(true);
    await first
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Updates/ })
      .click();
    await first.getByRole('heading', { name: 'You said, we did', level: 1 }).waitFor();
    // The review names the idea it answered; the member's own list tells its fate.
    const fate = first
      .getByRole('listitem')
      .filter({ hasText: kept })
      .filter({ hasText: 'your idea' });
    await expect.poll(() => fate.textContent()).toContain('Planned');
    await expectAccessible(first, 'the updates, an idea planned');
    await first.context().close();
  });
});
