import { defineConfig } from 'vitest/config';

/** Test projects by kind: pure unit tests, API with a mocked SDK, DynamoDB Local, browser. */
export default defineConfig({
  test: {
    // Node 20 here; the lockfile pins an SDK that still supports it, and Lambda runs Node 22.
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // Metrics are CloudWatch's business; refused requests are expected in tests.
      METRICS_DISABLED: 'true',
      LOG_LEVEL: 'ERROR',
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/src/**/*.test.ts',
            'functions/src/**/*.test.ts',
            'web/src/lib/**/*.test.ts',
            'test/load/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          // Over the built web app (npm test builds it first): what a page costs to load.
          name: 'web-build',
          include: ['test/web-build/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'infra',
          include: ['infra/test/**/*.test.ts'],
          // The stack is synthesised once for the run, before any test file starts.
          globalSetup: ['infra/test/synth.setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/dynamodb-local.setup.ts'],
          // DynamoDB Local spends CPU on every transaction: tests that take seconds on two idle
          // cores take minutes at load 10 or more. The seed test sets its own, longer limit.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          // The attacker's suite: plays subtraction and roster attacks, must recover nobody.
          name: 'privacy',
          include: ['test/privacy/**/*.test.ts'],
          globalSetup: ['test/integration/dynamodb-local.setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // What a page shows after a click may take seconds on a loaded machine, not one.
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
  },
});
