import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '@boucle/functions/local/dynamodb-local';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/** One in-memory DynamoDB Local for the integration run; each test file uses its own table. */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal({ mode: 'memory' });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
