import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoMembers } from '@boucle/functions/local/demo-organisation';
import { freePort } from '@boucle/functions/local/dynamodb-local';
import { startLocalStack, type TLocalStack } from '@boucle/functions/local/stack';

const webRoot = resolve(import.meta.dirname, '../../web/build');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('a member answers the pulse on a phone', () => {
  let stack: TLocalStack;
  let browser: Browser;
  const violations: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(webRoot, 'index.html')))
      throw new Error('Build the web app first: npm run build:web');
    stack = await startLocalStack({
      storage: { mode: 'memory' },
      port: await freePort(),
      webRoot,
      secretsFile: null,
      seed: true,
      log: () => undefined,
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterEach(() => {
    expect(violations).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function phone(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'en-GB',
    });
    return context.newPage();
  }

  async function signInAs(page: Page, email: string) {
    await page.goto(`${stack.url}/signin`);
    await page.getByLabel('Filter by name, e-mail or team').fill(email);
    await page.getByRole('button', { name: new RegExp(email.replace(/[.]/g, '\\.')) }).click();
  }

  it('signs in, is told what is missing, answers, and sees the receipt', async () => {
    const member = demoMembers()[4];
    if (!member) throw new Error('no demo member');
    const page = await phone();
    await signInAs(page, member.email);
    await page.getByRole('heading', { name: 'Iteration pulse' }).waitFor();

    await page.getByRole('button', { name: 'Send my answers' }).click();
    const summary = page.getByRole('alert');
    await expect.poll(() => summary.textContent()).toContain('Some answers need your attention');
    expect(await page.locator('.field-error').count()).toBe(5);
    // The summary takes the focus, so a screen reader reads what is missing first.
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);

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
    await page.getByRole('textbox').fill('More examples of good posts, please.');
    await page.getByRole('button', { name: 'Send my answers' }).click();

    await page.getByRole('heading', { name: /Thank you, your answer is recorded/ }).waitFor();
    expect(await page.textContent('main')).toContain('Iteration 5');

    // Switching to French keeps the receipt and translates it.
    await page.getByRole('button', { name: 'Switch to French' }).click();
    await page.getByRole('heading', { name: /Merci, votre réponse est enregistrée/ }).waitFor();
    await page.context().close();
  });

  it('shows the steering group participation and results', async () => {
    const page = await phone();
    await signInAs(page, 'claire.martin@demo.boucle.example');
    await page.getByRole('heading', { name: 'Steering' }).waitFor();
    await page.getByTestId('participation').waitFor();
    expect(await page.getByTestId('participation').textContent()).toMatch(/^\d+ %$/);
    await page.getByLabel('Break down by').selectOption('site');
    await page.getByRole('columnheader', { name: 'Group' }).waitFor();
    expect(await page.getByRole('rowheader').allTextContents()).toEqual([
      'Lyon',
      'Nantes',
      'Paris',
    ]);
    await page.context().close();
  });

  it('refuses a roster with a bad row, naming the line, and keeps the directory', async () => {
    const page = await phone();
    page.on('dialog', (dialog) => void dialog.accept());
    await signInAs(page, 'claire.martin@demo.boucle.example');
    await page.getByRole('link', { name: 'Directory' }).click();
    await page.getByText('300', { exact: true }).waitFor();
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

    await page.getByRole('button', { name: 'Create the draft' }).click();
    expect(await page.locator('.field-error').count()).toBe(3);
    await page.getByLabel('Name').fill('Iteration 6 — Conventions, again');
    await page.getByLabel('Start').fill('2026-12-14');
    await page.getByLabel('End').fill('2027-01-08');
    await page.getByRole('button', { name: 'Create the draft' }).click();
    await page.getByText('is created as a draft').waitFor();

    const card = (name: RegExp) =>
      page.locator('.card').filter({ has: page.getByRole('heading', { name }) });
    await card(/Iteration 6/)
      .getByRole('button', { name: 'Open' })
      .click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('iteration 5 is already open');

    await card(/Iteration 5/)
      .getByRole('button', { name: 'Close' })
      .click();
    await card(/Iteration 5/)
      .getByText('closed')
      .waitFor();
    await card(/Iteration 6/)
      .getByRole('button', { name: 'Open' })
      .click();
    await card(/Iteration 6/)
      .getByText('open', { exact: true })
      .waitFor();

    await page.getByRole('link', { name: 'Pulse' }).click();
    await page.getByText('Iteration 6 — Conventions, again').waitFor();
    await page.context().close();
  });
});
