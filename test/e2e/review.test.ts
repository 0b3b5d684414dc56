import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './accessibility.js';
import { STEERING_EMAIL, useBrowserStack } from './harness.js';

describe('the steering group holds the iteration review', () => {
  // No request here is expected to be refused: every console error is a problem.
  const browser = useBrowserStack({ allowApiRefusals: false });

  async function signedInSteering(width: number): Promise<Page> {
    const page = await browser.newPage({ width, height: 900 });
    await browser.signInAs(page, STEERING_EMAIL);
    // The steering group lands on the review.
    await page.getByRole('heading', { name: 'Iteration review' }).waitFor();
    return page;
  }

  it('shows the headline figures against the previous iteration, on a phone', async () => {
    const page = await signedInSteering(375);
    expect(await page.title()).toBe('Iteration review · Boucle');
    const headlines = page.getByTestId('headlines');
    await headlines.waitFor();
    // This iteration, then the previous one, both named.
    const columns = await headlines.getByRole('columnheader').allTextContents();
    expect(columns.map((text) => text.trim())).toEqual([
      'Figure',
      expect.stringMatching(/^Iteration 5/),
      expect.stringMatching(/^Iteration 4/),
      'Change',
      'Test',
    ]);
    const participation = await headlines
      .getByRole('row', { name: /^Participation/ })
      .getByRole('cell')
      .allTextContents();
    expect(participation.map((text) => text.trim())).toEqual([
      expect.stringMatching(/^\d+ %$/),
      expect.stringMatching(/^\d+ %$/),
      expect.stringMatching(/^[+−±]\d+ pts$/),
      // Iteration 5 is still open: its participation still grows, so no test of it.
      '—',
    ]);
    const enps = await headlines
      .getByRole('row', { name: /eNPS/ })
      .getByRole('cell')
      .allTextContents();
    expect(enps.map((text) => text.trim())).toEqual([
      expect.stringMatching(/^−?\d+$/),
      expect.stringMatching(/^−?\d+$/),
      expect.stringMatching(/^[+−±]\d+$/),
      // The trends' test of the same change: a verdict and its p-value.
      expect.stringMatching(/^(clear rise|no clear change|clear fall)\s+\(p [<=] [\d.]+\)$/),
    ]);
    // Distributions in percentages, with the option's full label and its count.
    const training = page
      .locator('.card')
      .filter({ has: page.getByRole('heading', { name: 'Which training would you need?' }) });
    expect(await training.textContent()).toMatch(/Confirmed\s*\d+ %\s*\(\d+\)/);

    // Wider than the phone, the heatmap scrolls, and the keyboard can reach it.
    const heatmap = page.getByRole('region', { name: /^Each team against/ });
    await heatmap.focus();
    expect(await heatmap.evaluate((region) => region === document.activeElement)).toBe(true);
    expect(await heatmap.evaluate((region) => region.scrollWidth > region.clientWidth)).toBe(true);
    await expectAccessible(page, 'the steering review, headlines');

    // Free text is read on the comments page, once the iteration is closed.
    await page.getByText('The comments can be read once the iteration is closed.').waitFor();
    const iteration = page.getByRole('combobox', { name: /^Iteration/ });
    await iteration.selectOption({ label: 'Iteration 4 — Ambassadors (reviewed)' });
    await page.getByRole('link', { name: 'Read the comments' }).click();
    await page.getByRole('heading', { name: 'Comments', level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('iteration')).toBe('4');
    await page.context().close();
  });

  it('switches the heatmap dimension, reads a cell in its table and downloads it', async () => {
    const page = await signedInSteering(1280);
    // The figures first: a choice made while the page still loads them can be lost.
    await page.getByTestId('headlines').waitFor();
    await page.getByLabel('Break down by').selectOption('site');
    await expect.poll(() => new URL(page.url()).searchParams.get('by')).toBe('site');
    const heatmap = page.getByRole('region', { name: /^Each site against/ });
    await heatmap.waitFor();
    expect(
      (await heatmap.getByRole('rowheader').allTextContents()).map((text) => text.trim()),
    ).toEqual(['Overall', 'Lyon', 'Nantes', 'Paris', 'Other sites']);
    const headers = (await heatmap.getByRole('columnheader').allTextContents()).map((text) =>
      text.trim(),
    );
    expect(headers.slice(0, 2)).toEqual(['Group', 'Participation']);
    // Lyon's participation: its figure, then its gap to the whole organisation, sign written.
    const lyon = heatmap.getByRole('row', { name: /^Lyon/ }).getByRole('cell');
    expect(await lyon.first().textContent()).toMatch(/^\s*\d+ %\s*[+−±]\d+ pts/);
    const note = await heatmap.getByRole('table').getAttribute('aria-describedby');
    expect(await page.locator(`[id="${note}"]`).textContent()).toContain(
      'control the false discovery rate (Benjamini–Hochberg',
    );
    await expectAccessible(page, 'the steering review by site, on a desktop');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the heatmap (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^heatmap-\d+-site\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('Lyon');

    // Training demand: levels in their order, each with counts and shares.
    const demand = page.getByRole('region', { name: 'Training demand' });
    expect(
      (await demand.getByRole('rowheader').allTextContents()).map((text) => text.trim()),
    ).toEqual(['beginner', 'confirmed', 'advanced', 'Other levels', 'Overall']);

    // On paper: no navigation nor buttons; the iteration and the print date come first.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print the review' }).isVisible()).toBe(false);
    expect(await page.getByText(/printed on/).textContent()).toMatch(/^\s*Iteration 5/);
    await page.context().close();
  });

  it('reads the ideas of the iteration on a phone, downloads and prints them', async () => {
    const page = await signedInSteering(375);
    await page.getByTestId('headlines').waitFor();
    const ideas = page.getByRole('region', { name: 'Ideas', exact: true });
    // Iteration 5 of the demo: three ideas, one under review, none decided yet.
    const top = ideas.getByTestId('ideas-top').getByRole('link');
    expect((await top.allTextContents()).map((text) => text.trim())).toEqual([
      'Les managers publient les actualités d’équipe ici',
      'Se connecter sur mobile sans le VPN',
      'Un point mensuel des managers en vidéo',
    ]);
    expect(await top.first().getAttribute('href')).toMatch(/^\/ideas\/000005-[0-9a-z]+$/);
    const funnel = ideas.getByRole('region', { name: 'Where the ideas stand' });
    const underReview = funnel.getByRole('row', { name: /^Under review/ }).getByRole('cell');
    expect((await underReview.textContent())?.trim()).toBe('1');
    expect(await ideas.getByTestId('ideas-decision').textContent()).toMatch(
      /No idea has been decided yet \(3 waiting\)/,
    );
    // At 375 px nothing but the scroll regions is wider than the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    await expectAccessible(page, 'the steering review, ideas on a phone');

    // Iteration 2: ideas planned, declined and one merged, so a median time to a decision.
    await page
      .getByRole('combobox', { name: /^Iteration/ })
      .selectOption({ label: 'Iteration 2 — Training in levels (reviewed)' });
    await expect
      .poll(async () => (await ideas.getByTestId('ideas-decision').textContent())?.trim())
      .toMatch(/^Median [\d.]+ days from submission to a decision \(\d+ decided, \d+ waiting\)\.$/);
    expect(
      (
        await funnel
          .getByRole('row', { name: /^Duplicate/ })
          .getByRole('cell')
          .textContent()
      )?.trim(),
    ).toBe('1');
    await expectAccessible(page, 'the steering review, ideas of a reviewed iteration');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      ideas.getByRole('button', { name: 'Download the ideas summary (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ideas-summary-2.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('iteration,section,item,title,status,value');
    expect(csv).toContain('2,status,duplicate,,,1');

    // On paper the section comes with the review, without its button.
    await page.emulateMedia({ media: 'print' });
    expect(await ideas.getByRole('heading', { name: 'Ideas' }).isVisible()).toBe(true);
    expect(await funnel.isVisible()).toBe(true);
    expect(
      await ideas.getByRole('button', { name: 'Download the ideas summary (CSV)' }).isVisible(),
    ).toBe(false);
    await page.context().close();
  });
});
