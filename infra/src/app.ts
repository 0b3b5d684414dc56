import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BoucleStack } from './boucle-stack.js';

/**
 * `npm run deploy -- --context stage=prod [--context alarmEmail=ops@example.com]
 * [--context steeringConcurrency=20]` (0 on accounts whose concurrency quota is under 120).
 */
const app = new App();
const stage = String(app.node.tryGetContext('stage') ?? 'dev');
const alarmEmail = app.node.tryGetContext('alarmEmail') as string | undefined;
const steeringConcurrency = app.node.tryGetContext('steeringConcurrency') as string | undefined;
new BoucleStack(app, `Boucle-${stage}`, {
  stage,
  signInDomainPrefix: String(app.node.tryGetContext('signInDomainPrefix') ?? `boucle-${stage}`),
  ...(alarmEmail ? { alarmEmail } : {}),
  ...(steeringConcurrency === undefined
    ? {}
    : { steeringConcurrency: Number(steeringConcurrency) }),
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
