import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { BoucleStack } from '../src/boucle-stack.js';

/** What the stack tests read: the template, the nag acknowledgements, the bundled assets. */
export type TSynthesisedStack = {
  template: Record<string, unknown>;
  acknowledgedReasons: string[];
  assemblyDirectory: string;
};

declare module 'vitest' {
  export interface ProvidedContext {
    boucleStack: TSynthesisedStack | { error: string };
  }
}

/**
 * Synthesises the stack once for the whole infra run: bundling both functions with esbuild is
 * what takes time, and every test file reads the same result.
 */
export default function setup(project: TestProject) {
  const outdir = mkdtempSync(join(tmpdir(), 'boucle-cdk-'));
  project.provide('boucleStack', synthesise(outdir));
  return () => rmSync(outdir, { recursive: true, force: true });
}

function synthesise(outdir: string): TSynthesisedStack | { error: string } {
  try {
    const app = new App({ outdir });
    const stack = new BoucleStack(app, 'Test', {
      stage: 'test',
      signInDomainPrefix: 'boucle-test',
      alarmEmail: 'ops@example.com',
      env: { account: '123456789012', region: 'eu-west-3' },
    });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    // app.synth() runs cdk-nag's AwsSolutions checks and throws on any unacknowledged finding.
    const assembly = app.synth();
    const acknowledgedReasons = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.values(entry.data as Record<string, string>));
    return {
      template: assembly.getStackByName(stack.stackName).template as Record<string, unknown>,
      acknowledgedReasons,
      assemblyDirectory: assembly.directory,
    };
  } catch (error) {
    // Reported by the tests, which then fail with the reason instead of the whole run.
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
