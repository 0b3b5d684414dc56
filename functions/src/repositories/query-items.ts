import {
  paginateQuery,
  type DynamoDBDocumentClient,
  type NativeAttributeValue,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';

export type TStoredItem = Record<string, NativeAttributeValue>;

/** Every item a query matches, page after page (the SDK's paginator follows DynamoDB's 1 MB pages). */
export async function* queryItems(
  documents: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): AsyncGenerator<TStoredItem> {
  for await (const page of paginateQuery({ client: documents }, input)) yield* page.Items ?? [];
}
