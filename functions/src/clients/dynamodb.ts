import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export type TDynamoConfig = { region: string; endpoint?: string | undefined };

/** One client per process; DynamoDB Local accepts any credentials. */
export function createDynamoClient({ region, endpoint }: TDynamoConfig): DynamoDBClient {
  return new DynamoDBClient({
    region,
    ...(endpoint
      ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
}

/**
 * The repositories read and write plain objects through this wrapper; it shares the client's
 * connections and middleware, and destroying it leaves the client to its owner.
 */
export function createDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    // Optional fields of the domain types are left out of the item rather than refused.
    marshallOptions: { removeUndefinedValues: true },
  });
}
