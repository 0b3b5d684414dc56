import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { boucleTable } from '@boucle/functions/repositories/table';
import { BoucleStack } from '../src/boucle-stack.js';

describe('BoucleStack', () => {
  const template = Template.fromStack(new BoucleStack(new App(), 'Test'));

  it('builds the table from the definition the local engine uses', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: boucleTable.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: boucleTable.sortKey.name, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('protects the data: PITR, deletion protection, retained, encrypted', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        SSESpecification: { SSEEnabled: true },
        Replicas: [
          {
            Region: { Ref: 'AWS::Region' },
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          },
        ],
      },
    });
    expect(Object.keys(template.findResources('AWS::DynamoDB::GlobalTable'))).toHaveLength(1);
  });
});
