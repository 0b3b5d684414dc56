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

    const question = (label: string) => page.getByRole('group', { name: label });
    await question('How useful is the social network in your work?')
      .getByRole('radio', { name: '4', exact: true })
      .check();
    await question('How easy is the social network to use?')
      .getByRole('radio', { name: '3', exact: true })
      .check();
    await question('How often do you use it?').getByRole('radio', { name: 'Every week' }).check();
    await question('Would you recommend the social network to a colleague?')
      .getByRole('radio', { name: '9', exact: true })
      .check();
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
});
