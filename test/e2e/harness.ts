import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { freePort } from '@boucle/functions/local/dynamodb-local';
import { startLocalStack, type TLocalStack } from '@boucle/functions/local/stack';

const webRoot = resolve(import.meta.dirname, '../../web/build');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const STEERING_EMAIL = 'claire.martin@demo.boucle.example';

/** The demo organisation served as `npm start` serves it, and a headless Chromium to use it. */
export type TBrowserStack = {
  stack: TLocalStack;
  /** What went wrong in a browser since the last call: CSP violations, console and page errors. */
  takeProblems: () => string[];
  /** A new page in its own context, at phone size unless told otherwise, watched for problems. */
  newPage: (options?: { locale?: string; width?: number; height?: number }) => Promise<Page>;
  signInAs: (page: Page, email: string, filterLabel?: string) => Promise<void>;
  stop: () => Promise<void>;
};

export type TBrowserStackOptions = {
  /**
   * Whether a console error for a request the API refused (4xx) is part of the story the UI tells
   * rather than a problem. True unless told otherwise; a suite that never expects a refusal can
   * say false, and then every console error is a problem.
   */
  allowApiRefusals?: boolean;
};

async function startBrowserStack({
  allowApiRefusals = true,
}: TBrowserStackOptions = {}): Promise<TBrowserStack> {
  if (!existsSync(join(webRoot, 'index.html')))
    throw new Error('Build the web app first: npm run build:web');
  const stack = await startLocalStack({
    storage: { mode: 'memory' },
    port: await freePort(),
    webRoot,
    secretsFile: null,
    seed: true,
    log: () => undefined,
  });
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const problems: string[] = [];

  /**
   * Reports every CSP violation, console error and uncaught error of the context's pages into
   * `problems`. The listener is registered before any page script runs; init scripts are exempt
   * from the page's CSP, so collecting cannot itself be blocked.
   */
  async function watch(context: BrowserContext): Promise<void> {
    await context.exposeBinding('reportViolation', ({ page }, text: string) => {
      problems.push(`CSP violation on ${page.url()}: ${text}`);
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { reportViolation: (text: string) => Promise<void> })
          .reportViolation;
        void report(
          `${event.effectiveDirective} refused ${event.blockedURI || 'an inline resource'} ` +
            `(${event.sourceFile}:${event.lineNumber}) ${event.sample}`,
        );
      });
    });
    context.on('page', (page) => {
      page.on('pageerror', (error) => problems.push(`Uncaught on ${page.url()}: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        // Unless told otherwise, a refusal the API answered (4xx) is part of the story the UI tells;
        // anything else is not.
        const refusedByApi =
          allowApiRefusals &&
          new URL(message.location().url || 'about:blank').pathname.startsWith('/api/') &&
          /status of 4\d\d/.test(message.text());
        if (!refusedByApi) problems.push(`Console error on ${page.url()}: ${message.text()}`);
      });
    });
  }

  return {
    stack,
    takeProblems: () => problems.splice(0),
    async newPage({ locale = 'en-GB', width = 390, height = 844 } = {}) {
      const context = await browser.newContext({
        viewport: { width, height },
        locale,
        acceptDownloads: true,
      });
      await watch(context);
      return context.newPage();
    },
    async signInAs(page, email, filterLabel = 'Filter by name, e-mail or team') {
      await page.goto(`${stack.url}/signin`);
      await page.getByLabel(filterLabel).fill(email);
      await page.getByRole('button', { name: new RegExp(escapeRegExp(email)) }).click();
    },
    async stop() {
      await browser.close();
      await stack.stop();
    },
  };
}

/**
 * The browser stack of a suite: started before its tests, checked after each one (no CSP
 * violation, console or page error), stopped after the last. Call it in the `describe`.
 */
export function useBrowserStack(options?: TBrowserStackOptions): TBrowserStack {
  let started: TBrowserStack | undefined;
  beforeAll(async () => {
    started = await startBrowserStack(options);
  });
  afterEach(() => {
    expect(started?.takeProblems()).toEqual([]);
  });
  afterAll(async () => {
    await started?.stop();
  });
  const running = (): TBrowserStack => {
    if (!started) throw new Error('The browser stack has not started');
    return started;
  };
  return {
    get stack() {
      return running().stack;
    },
    takeProblems: () => running().takeProblems(),
    newPage: (pageOptions) => running().newPage(pageOptions),
    signInAs: (page, email, filterLabel) => running().signInAs(page, email, filterLabel),
    stop: () => running().stop(),
  };
}
