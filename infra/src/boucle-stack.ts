import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { boucleDynamoTable } from './storage.js';

/** Boucle in one AWS account and region. */
export class BoucleStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const table = boucleDynamoTable(this);
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }
}
