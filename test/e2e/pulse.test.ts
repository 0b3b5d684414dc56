import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoMembers } from '@boucle/functions/local/demo-organisation';
import { expectAccessible } from './accessibility.js';
import { escapeRegExp, useBrowserStack } from './harness.js';

describe('a member answers the pulse on a phone', () => {
  const browser = useBrowserStack();

  const phone = (locale = 'en-GB') => browser.newPage({ locale });
  const signInAs = (page: Page, email: string, filterLabel?: string) =>
    browser.signInAs(page, email, filterLabel);

  it('signs in, is told what is missing, answers, and sees the receipt', async () => {
    const member = demoMembers()[4];
    if (!member) throw new Error('no demo member');
    const page = await phone();
    await signInAs(page, member.email);
    await page.getByRole('heading', { name: 'Iteration pulse' }).waitFor();
    expect(await page.title()).toBe('Iteration pulse · Boucle');
    await expectAccessible(page, 'the pulse, unanswered');

    await page.getByRole('button', { name: 'Send my answers' }).click();
    const summary = page.getByRole('alert');
    await expect.poll(() => summary.textContent()).toContain('Some answers need your attention');
    expect(await page.locator('.field-error').count()).toBe(5);
    // The summary takes the focus, so a screen reader reads what is missing first.
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectAccessible(page, 'the pulse with its missing answers');

    const question = (label: string) => page.getByRole('group', { name: label });
    await question('How useful is the social network in your work?')
      .getByRole('radio', { name: '4', exact: true })
      .check();
    await question('How easy is the social network to use?')
      .getByRole('radio', { name: '3', exact: true })
      .check();
    await question('How often do you use it?').getByRole('radio', { name: 'Every week' }).check();
    // Keyboard only: focus the scale, then arrow keys move the choice, as on any radio group.
    const recommend = question('Would you recommend the social network to a colleague?');
    await recommend.getByRole('radio', { name: '0', exact: true }).focus();
    await page.keyboard.press('Space');
    for (let step = 0; step < 9; step++) await page.keyboard.press('ArrowRight');
    expect(await recommend.getByRole('radio', { name: '9', exact: true }).isChecked()).toBe(true);
    await question('Which training would you need?')
      .getByRole('radio', { name: 'Confirmed' })
      .check();
    await question('What holds you back?').getByRole('checkbox', { name: 'Lack of time' }).check();

    // The characters left are the text box's description, not a live region read at each key.
    const comment = question('What should change in the next iteration?');
    const textbox = comment.getByRole('textbox');
    // Near the limit, the status says so once.
    await textbox.fill('x'.repeat(990));
    await expect
      .poll(() => comment.getByRole('status').textContent())
      .toBe('Fewer than 20 characters left');
    await textbox.fill('More examples of good posts, please.');
    const counterId = await textbox.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${counterId}"]`).textContent()).toMatch(
      /^\d+ characters left$/,
    );
    expect(await comment.locator('[aria-live]').count()).toBe(0);
    expect(await comment.getByRole('status').textContent()).toBe('');
    await page.getByRole('button', { name: 'Send my answers' }).click();

    await page.getByRole('heading', { name: /Thank you, your answer is recorded/ }).waitFor();
    expect(await page.textContent('main')).toContain('Iteration 5');
    await expectAccessible(page, 'the receipt');

    // Switching to French keeps the receipt and translates it; the button is named as it reads.
    await page.getByRole('button', { name: 'Français', exact: true }).click();
    await page.getByRole('heading', { name: /Merci, votre réponse est enregistrée/ }).waitFor();
    expect(await page.title()).toBe('Reçu · Boucle');
    await expectAccessible(page, 'the receipt in French');
    await page.getByRole('button', { name: 'English', exact: true }).waitFor();
    await page.context().close();
  });

  /** Answers every question that takes a radio with its first choice, and sends the answers. */
  async function answerThePulse(page: Page, send: string) {
    const questions = page.locator('fieldset:has(input[type="radio"])');
    await questions.first().waitFor();
    for (let index = 0; index < (await questions.count()); index++)
      await questions.nth(index).getByRole('radio').first().check();
    await page.getByRole('button', { name: send }).click();
  }

  it('tells how anonymity is protected, from the pulse and the receipt, in English and French', async () => {
    const member = demoMembers()[5];
    if (!member) throw new Error('no demo member');
    const page = await phone();
    await signInAs(page, member.email);
    await page.getByRole('heading', { name: 'Iteration pulse' }).waitFor();
    // The pulse says the same facts as the privacy page, briefly: the ambassador flag included.
    const intro = await page.getByText('Your answers are anonymous').textContent();
    expect(intro).toContain('team, site, training level and ambassador flag');
    expect(intro).toContain('never with your name, the day or the time');

    const privacyHeading = (name: string) => page.getByRole('heading', { name, level: 1 });
    await page.getByRole('link', { name: 'How your anonymity is protected' }).click();
    await privacyHeading('Your answers and your anonymity').waitFor();
    expect(await page.title()).toBe('Your answers and your anonymity · Boucle');
    const privacy = await page.textContent('main');
    expect(privacy).toContain('Never your name, your e-mail, the day or the time you answered');
    expect(privacy).toContain('the previous one is kept 30 days');
    expect(privacy).toContain('Ambassadors: the aggregated results and trends of their own team');
    expect(privacy).toContain('Written comments are shown only once the iteration is closed');
    expect(privacy).toContain('No figure is shown for fewer than 5 respondents');
    expect(privacy).toContain('groups of at least 10 respondents');
    expect(privacy).toContain('Closing the iteration makes the final release');
    expect(privacy).toContain('It proves that you answered the pulse, and on which day');
    await expectAccessible(page, 'the privacy page');

    await page.goBack();
    await page.getByRole('heading', { name: 'Iteration pulse' }).waitFor();
    await answerThePulse(page, 'Send my answers');
    await page.getByRole('heading', { name: /Thank you, your answer is recorded/ }).waitFor();
    await page.getByRole('link', { name: 'How your anonymity is protected' }).click();
    await privacyHeading('Your answers and your anonymity').waitFor();

    // In French, from the privacy page back to the receipt and again.
    await page.getByRole('button', { name: 'Français', exact: true }).click();
    await privacyHeading('Vos réponses et votre anonymat').waitFor();
    expect(await page.title()).toBe('Vos réponses et votre anonymat · Boucle');
    await expectAccessible(page, 'the privacy page in French');
    await page.goBack();
    await page.getByRole('heading', { name: /Merci, votre réponse est enregistrée/ }).waitFor();
    await page.getByRole('link', { name: 'Comment votre anonymat est protégé' }).click();
    await privacyHeading('Vos réponses et votre anonymat').waitFor();
    expect(await page.textContent('main')).toContain(
      'Il prouve que vous avez répondu au pulse, et quel jour.',
    );
    await page.context().close();

    // A French member, from the pulse page.
    const other = demoMembers()[6];
    if (!other) throw new Error('no demo member');
    const french = await phone('fr-FR');
    await signInAs(french, other.email, 'Filtrer par nom, e-mail ou équipe');
    await french.getByRole('heading', { name: 'Pulse de l’itération' }).waitFor();
    expect(await french.getByText('Vos réponses sont anonymes').textContent()).toContain(
      'votre statut d’ambassadeur',
    );
    await expectAccessible(french, 'the pulse in French');
    await french.getByRole('link', { name: 'Comment votre anonymat est protégé' }).click();
    await french.getByRole('heading', { name: 'Vos réponses et votre anonymat' }).waitFor();
    await french.context().close();
  });

  it('lets anyone read the privacy page, before signing in too', async () => {
    const page = await phone();
    await page.goto(`${browser.stack.url}/signin`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible(page, 'the sign-in page');
    await page.getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('heading', { name: 'Your answers and your anonymity' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/privacy');
    await expectAccessible(page, 'the privacy page, signed out');
    // Read directly too, without being sent to sign in; the way to sign in is offered.
    await page.goto(`${browser.stack.url}/privacy`);
    await page.getByRole('heading', { name: 'Your answers and your anonymity' }).waitFor();
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.context().close();
  });

  it('says when a page does not exist, with the way back', async () => {
    const page = await phone();
    await signInAs(page, demoMembers()[4]?.email ?? '');
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    await page.goto(`${browser.stack.url}/nowhere`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await expectAccessible(page, 'the page-not-found page');
    // SvelteKit's router logs the unknown address itself: that one line, and nothing else.
    const problems = browser.takeProblems();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Console error on \S+\/nowhere: \w+: Not found: \/nowhere\n/);
    await page.getByRole('link', { name: 'Back to the home page' }).click();
    await page.getByRole('heading', { name: 'Page not found' }).waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).not.toBe('/nowhere');
    await page.context().close();
  });

  it('shows the steering group participation and results', async () => {
    const page = await phone();
    await signInAs(page, 'claire.martin@demo.boucle.example');
    await page.getByRole('heading', { name: 'Iteration review', exact: true }).waitFor();
    expect(await page.title()).toBe('Iteration review · Boucle');
    await page.getByTestId('participation').waitFor();
    expect(await page.getByTestId('participation').textContent()).toMatch(/^\d+ %$/);
    await expectAccessible(page, 'the steering review');
    // Which release the figures of the open iteration come from.
    expect(await page.getByTestId('release').textContent()).toMatch(
      /^Release \d+, made on .+ at \d\d:\d\d, \d+ respondents$/,
    );
    await page.getByLabel('Break down by').selectOption('site');
    await page.getByRole('columnheader', { name: 'Group' }).waitFor();
    // Members whose site was too rare in their segment are a group of their own, named, last.
    const heatmap = page.getByRole('region', { name: /^Each site against/ });
    await heatmap.waitFor();
    expect(
      (await heatmap.getByRole('rowheader').allTextContents()).map((text) => text.trim()),
    ).toEqual(['Overall', 'Lyon', 'Nantes', 'Paris', 'Other sites']);
    expect(await page.textContent('main')).toContain(
      '“Other sites”: members for whom this detail is not kept',
    );
    await expectAccessible(page, 'the steering review by site');
    // The choice is in the address, so a reload or a shared link shows the same breakdown.
    expect(new URL(page.url()).searchParams.get('by')).toBe('site');
    await page.reload();
    await page.getByRole('columnheader', { name: 'Group' }).waitFor();

    // Keyboard only: the arrow key picks the previous iteration, and the focus stays to go on.
    const iteration = page.getByRole('combobox', { name: /^Iteration/ });
    const shown = await iteration.inputValue();
    await iteration.focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => new URL(page.url()).searchParams.get('iteration')).not.toBe(shown);
    await expect.poll(() => page.getByRole('status').count()).toBe(0);
    expect(await iteration.evaluate((select) => select === document.activeElement)).toBe(true);
    await page.getByRole('columnheader', { name: 'Group' }).waitFor();
    // A closed iteration's figures come from its final release.
    expect(await page.getByTestId('release').textContent()).toMatch(
      /^Final release, made on .+ at \d\d:\d\d, \d+ respondents$/,
    );
    await page.context().close();
  });

  it('refuses a roster with a bad row, naming the line, and keeps the directory', async () => {
    const page = await phone();
    page.on('dialog', (dialog) => void dialog.accept());
    await signInAs(page, 'claire.martin@demo.boucle.example');
    await page.getByRole('link', { name: 'Directory' }).click();
    await page.getByText('300', { exact: true }).waitFor();
    expect(await page.title()).toBe('Member directory · Boucle');
    await expectAccessible(page, 'the directory');
    await page.getByLabel('CSV file').setInputFiles({
      name: 'roster.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'email,name,team,site,trainingLevel,ambassador,role',
          'ana@example.com,Ana,Sales,Paris,beginner,no,employee',
          'bob,Bob,Sales,Paris,expert,no,employee',
        ].join('\n'),
      ),
    });
    await page.getByRole('button', { name: 'Import' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('The file was not imported');
    expect(await alert.textContent()).toContain('line 3 · email');
    expect(await alert.textContent()).toContain('line 3 · trainingLevel');
    await expectAccessible(page, 'the directory with a refused import');
    await page.reload();
    await page.getByText('300', { exact: true }).waitFor();
    await page.context().close();
  });

  it('lets the steering group run the next iteration: create, open, and members see it', async () => {
    const page = await phone();
    page.on('dialog', (dialog) => void dialog.accept());
    await signInAs(page, 'claire.martin@demo.boucle.example');
    await page.getByRole('link', { name: 'Iterations' }).click();
    await page.getByRole('heading', { name: 'New iteration' }).waitFor();
    expect(await page.title()).toBe('Iterations · Boucle');
    await expectAccessible(page, 'the iterations');

    await page.getByRole('button', { name: 'Create the draft' }).click();
    expect(await page.locator('.field-error').count()).toBe(3);
    await expectAccessible(page, 'the new iteration form with its errors');
    await page.getByLabel('Name').fill('Iteration 6 — Conventions, again');
    await page.getByLabel('Start').fill('2026-12-14');
    await page.getByLabel('End').fill('2027-01-08');
    await page.getByRole('button', { name: 'Create the draft' }).click();
    await page.getByText('is created as a draft').waitFor();

    const card = (name: RegExp) =>
      page.locator('.card').filter({ has: page.getByRole('heading', { name }) });
    // Only the steps the API allows are offered: nothing opens while iteration 5 is open.
    await card(/Iteration 6/)
      .getByText('draft', { exact: true })
      .waitFor();
    expect(
      await card(/Iteration 6/)
        .getByRole('button')
        .count(),
    ).toBe(0);

    await card(/Iteration 5/)
      .getByRole('button', { name: 'Close' })
      .click();
    await card(/Iteration 5/)
      .getByText('closed', { exact: true })
      .waitFor();
    expect(
      await card(/Iteration 5/)
        .getByRole('button')
        .allTextContents(),
    ).toEqual(['Mark as reviewed']);
    await card(/Iteration 6/)
      .getByRole('button', { name: 'Open', exact: true })
      .click();
    await card(/Iteration 6/)
      .getByText('open', { exact: true })
      .waitFor();

    // The review keeps showing the last released figures: iteration 5's final release.
    await page.getByRole('link', { name: 'Steering', exact: true }).click();
    await expect.poll(() => page.getByTestId('release').textContent()).toMatch(/^Final release/);
    // Nobody has answered the new iteration: its results show no figure, and say why.
    const iteration = page.getByRole('combobox', { name: /^Iteration/ });
    await iteration.selectOption({ label: 'Iteration 6 — Conventions, again (open)' });
    await expect
      .poll(() => page.getByTestId('release').textContent())
      .toBe('No release yet: figures appear once at least 5 members have answered.');
    await expectAccessible(page, 'the steering review without a release');
    expect(await page.getByTestId('participation').count()).toBe(0);

    await page.getByRole('link', { name: 'Pulse' }).click();
    await page.getByRole('heading', { name: 'Iteration pulse' }).waitFor();
    await page.getByText('Iteration 6 — Conventions, again').waitFor();
    await page.context().close();
  });

  it('shows an employee who opens a steering page that it is the steering group’s', async () => {
    const page = await phone();
    await signInAs(page, 'lucas.david@demo.boucle.example');
    await page.getByRole('heading', { name: 'Iteration pulse' }).waitFor();
    expect(await page.getByRole('link', { name: 'Iterations' }).count()).toBe(0);

    await page.goto(`${browser.stack.url}/steering/iterations`);
    await page.getByRole('heading', { name: 'Steering group only' }).waitFor();
    expect(await page.textContent('main')).toContain('This page is for the steering group only.');
    expect(await page.title()).toBe('Steering group only · Boucle');
    await expectAccessible(page, 'the steering-only page');
    expect(await page.getByRole('button', { name: 'Close' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Back to the home page' }).click();
    await page.getByRole('heading', { name: 'Iteration pulse' }).waitFor();
    await page.context().close();
  });

  it('speaks French to a French member: zod’s messages and the API’s refusals', async () => {
    const steering = 'claire.martin@demo.boucle.example';
    const first = await phone('fr-FR');
    first.on('dialog', (dialog) => void dialog.accept());
    await signInAs(first, steering, 'Filtrer par nom, e-mail ou équipe');
    await first.getByRole('link', { name: 'Itérations' }).click();
    await first.getByRole('heading', { name: 'Nouvelle itération' }).waitFor();
    expect(await first.title()).toBe('Itérations · Boucle');

    // The shared schema's own limit, in zod's French.
    await first.getByLabel('Nom').fill('x'.repeat(121));
    await first.getByRole('button', { name: 'Créer le brouillon' }).click();
    const nameProblem = first.locator('.field-error').first();
    await expect.poll(() => nameProblem.textContent()).toContain('Trop grand');
    await expectAccessible(first, 'the new iteration form in French with its errors');
    // Switching language re-checks the form in English.
    await first.getByRole('button', { name: 'English', exact: true }).click();
    await expect.poll(() => nameProblem.textContent()).toContain('Too big');
    await first.getByRole('button', { name: 'Français', exact: true }).click();

    // A second steering member closes the open iteration; the first one's list is now stale.
    const second = await first.context().newPage();
    second.on('dialog', (dialog) => void dialog.accept());
    await signInAs(second, steering, 'Filtrer par nom, e-mail ou équipe');
    await second.getByRole('link', { name: 'Itérations' }).click();
    const openCard = (page: Page) =>
      page.locator('.card').filter({ has: page.getByRole('button', { name: 'Clôturer' }) });
    // The heading holds the iteration's name, then its status.
    const name = await openCard(second)
      .getByRole('heading')
      .evaluate((heading) => heading.firstChild?.textContent?.trim() ?? '');
    const stale = first
      .locator('.card')
      .filter({ has: first.getByRole('heading', { name: new RegExp(`^${escapeRegExp(name)}`) }) });
    await openCard(second).getByRole('button', { name: 'Clôturer' }).click();
    await openCard(second).waitFor({ state: 'detached' });

    await stale.getByRole('button', { name: 'Clôturer' }).click();
    const alert = first.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toContain('Cette étape n’est plus possible : l’itération a changé entre-temps.');
    await expectAccessible(first, 'the iterations in French, a step refused');
    // The list shows what the API holds now.
    await stale.getByText('clôturée', { exact: true }).waitFor();
    await first.context().close();
  });
});
