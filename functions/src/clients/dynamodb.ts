import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export type TDynamoConfig = { region: string; endpoint?: string | undefined };

/**
 * One client per process. At an endpoint (DynamoDB Local, a container) any credentials do, unless
 * the environment names real ones (a test table in AWS): then the SDK's usual chain finds them.
 */
export function createDynamoClient({ region, endpoint }: TDynamoConfig): DynamoDBClient {
  const realCredentials = Boolean(process.env.AWS_ACCESS_KEY_ID || process.env.AWS_PROFILE);
  return new DynamoDBClient({
    region,
    ...(endpoint ? { endpoint } : {}),
    ...(endpoint && !realCredentials
      ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
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
