import { App } from 'aws-cdk-lib';
import { BoucleStack } from './boucle-stack.js';

const app = new App();
const stage = String(app.node.tryGetContext('stage') ?? 'dev');
new BoucleStack(app, `Boucle-${stage}`, {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
