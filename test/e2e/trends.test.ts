import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoMembers } from '@boucle/functions/local/demo-organisation';
import { expectAccessible } from './accessibility.js';
import { escapeRegExp, STEERING_EMAIL as STEERING, useBrowserStack } from './harness.js';

const USEFULNESS = 'How useful is the social network in your work?';

describe('the steering group and ambassadors follow the trends', () => {
  const browser = useBrowserStack();

  const open = (width: number, height: number) => browser.newPage({ width, height });

  /** Signs in and waits for the home page the member is sent to (review or pulse). */
  async function signInAs(page: Page, email: string, home: string) {
    await browser.signInAs(page, email);
    await page.getByRole('heading', { name: home, exact: true }).waitFor();
  }

  it('shows the rise in usefulness with its verdict, by team too, and exports it', async () => {
    const page = await open(375, 800);
    await signInAs(page, STEERING, 'Iteration review');
    await page.getByRole('link', { name: 'Trends' }).click();
    await page.getByRole('heading', { name: 'Trends across iterations' }).waitFor();
    expect(await page.title()).toBe('Trends across iterations · Boucle');
    // The steering pages have their own navigation, which marks where the reader is.
    const sections = page.getByRole('navigation', { name: 'Steering' });
    expect(await sections.getByRole('link').allTextContents()).toEqual([
      'Iteration review',
      'Trends',
      'Comments',
      'Adoption',
      'Triage',
      'Decisions',
      'Iterations',
      'Directory',
    ]);
    expect(await sections.getByRole('link', { name: 'Trends' }).getAttribute('aria-current')).toBe(
      'page',
    );
    const main = page.getByRole('navigation', { name: 'Main' });
    expect(await main.getByRole('link', { name: 'Steering' }).getAttribute('aria-current')).toBe(
      'page',
    );

    const usefulness = page.getByRole('figure', { name: USEFULNESS, exact: true });
    await usefulness.waitFor();
    // The demo's story: usefulness rises once training and conventions land.
    const verdicts = await usefulness.getByTestId('verdict').allTextContents();
    expect(verdicts.some((text) => /clear rise \(\+\d\.\d\d, p [<=] 0\.\d{3}\)/.test(text))).toBe(
      true,
    );
    // The text alternative holds the same figures, one row per iteration, goals included.
    await usefulness.getByText('Figures as a table').click();
    // The demo's four past iterations and the open one, each with a released mean.
    const means = (
      await usefulness.getByRole('table').locator('tbody td:nth-child(2)').allTextContents()
    ).map(Number);
    expect(means).toHaveLength(5);
    expect(means.every((mean) => mean >= 1 && mean <= 5)).toBe(true);
    expect(means[3]).toBeGreaterThan(means[0] ?? Infinity);
    expect(await usefulness.getByRole('table').textContent()).toContain('clear rise');
    await expectAccessible(page, 'the trends, a table open');
    // Goals are read on focus, as the iteration's description (on the first chart only, so the
    // small multiples do not each add a tab stop per iteration).
    const participation = page.getByRole('figure', { name: 'Participation', exact: true });
    const first = participation.getByRole('listitem').first().locator('[tabindex="0"]');
    await first.focus();
    const goals = page.locator(`[id="${await first.getAttribute('aria-describedby')}"]`);
    expect(await goals.isVisible()).toBe(true);
    expect(await goals.textContent()).toContain('Open the network to all sites');

    // Breaking down by team: small multiples, everyone first, then each team.
    await page.getByLabel('Break down by').selectOption('team');
    await page.getByRole('heading', { name: USEFULNESS, level: 2 }).waitFor();
    expect(new URL(page.url()).searchParams.get('by')).toBe('team');
    const section = page.getByRole('region', { name: USEFULNESS });
    const titles = await section.locator('figcaption').allTextContents();
    expect(titles[0]).toBe('Everyone');
    expect(titles).toContain('Sales');
    await expectAccessible(page, 'the trends by team');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('trends-team.csv');
    const path = await download.path();
    const csv = await readFile(path, 'utf8');
    expect(csv).toContain('usefulness');
    expect(csv).toContain('Sales');
    await page.context().close();
  });

  it('shows an ambassador the trends of their own team only', async () => {
    const ambassador = demoMembers().find((m) => m.ambassador && m.role === 'employee');
    if (!ambassador) throw new Error('no demo ambassador');
    const page = await open(1600, 900);
    await signInAs(page, ambassador.email, 'Iteration pulse');
    expect(await page.getByRole('link', { name: 'Trends' }).count()).toBe(0);
    await page.getByRole('link', { name: 'My team' }).click();
    await page.getByRole('heading', { name: 'My team’s trends' }).waitFor();
    // Their team as the iteration froze it: its name, or pooled with other small teams.
    expect(await page.getByTestId('team-scope').textContent()).toMatch(
      new RegExp(`: (${escapeRegExp(ambassador.team)}|Other teams)`),
    );
    await page.getByTestId('trend-chart').first().waitFor();
    expect(await page.getByLabel('Break down by').count()).toBe(0);
    // And the latest released results of their team, from the same gated route.
    await page.getByRole('heading', { name: /^Latest results: Iteration \d/ }).waitFor();
    expect(await page.getByTestId('team-participation').textContent()).toMatch(/^\d+ %$/);
    await expectAccessible(page, 'the team’s trends, on a desktop');

    await page.goto(`${browser.stack.url}/steering/trends`);
    await page.getByRole('heading', { name: 'Steering group only' }).waitFor();
    await page.context().close();
  });
});
