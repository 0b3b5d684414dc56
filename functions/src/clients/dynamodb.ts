import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

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
