import { boucleTable } from '@boucle/functions/repositories/table';
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';

/** The one table, built from the same definition `npm start` and the tests create locally. */
const ATTRIBUTE_TYPES = { S: AttributeType.STRING, N: AttributeType.NUMBER } as const;

export function boucleDynamoTable(scope: Construct): TableV2 {
  return new TableV2(scope, 'Table', {
    partitionKey: { name: boucleTable.partitionKey.name, type: AttributeType.STRING },
    sortKey: { name: boucleTable.sortKey.name, type: AttributeType.STRING },
    globalSecondaryIndexes: boucleTable.indexes.map((index) => ({
      indexName: index.indexName,
      partitionKey: {
        name: index.partitionKey.name,
        type: ATTRIBUTE_TYPES[index.partitionKey.type],
      },
      sortKey: { name: index.sortKey.name, type: ATTRIBUTE_TYPES[index.sortKey.type] },
    })),
    billing: Billing.onDemand(),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    encryption: TableEncryptionV2.awsManagedKey(),
    removalPolicy: RemovalPolicy.RETAIN,
  });
}
