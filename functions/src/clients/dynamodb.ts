import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export type TDynamoConfig = { region: string; endpoint?: string | undefined };

/**
 * One client per process. DynamoDB Local (or any DynamoDB on this machine) takes any credentials;
 * a remote endpoint (a test table in AWS) gets the SDK's usual chain when the environment names
 * real credentials, so a profile set in a shell never affects the local runs and tests.
 */
export function createDynamoClient({ region, endpoint }: TDynamoConfig): DynamoDBClient {
  const local = endpoint !== undefined && isOnThisMachine(endpoint);
  const realCredentials = Boolean(process.env.AWS_ACCESS_KEY_ID || process.env.AWS_PROFILE);
  return new DynamoDBClient({
    region,
    ...(endpoint ? { endpoint } : {}),
    ...(endpoint && (local || !realCredentials)
      ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
}

function isOnThisMachine(endpoint: string): boolean {
  const host = URL.canParse(endpoint) ? new URL(endpoint).hostname : '';
  return ['localhost', '127.0.0.1', '[::1]', '::1'].includes(host);
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
