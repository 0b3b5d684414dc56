import { afterEach, describe, expect, it } from 'vitest';
import { createDynamoClient } from './dynamodb.js';

const credentialsOf = async (endpoint?: string) =>
  (await createDynamoClient({ region: 'eu-west-3', endpoint }).config.credentials()).accessKeyId;

describe('createDynamoClient', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('gives a DynamoDB on this machine any credentials, whatever the shell names', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIAREAL';
    process.env.AWS_SECRET_ACCESS_KEY = 'real-secret';
    expect(await credentialsOf('http://localhost:8000')).toBe('local');
    expect(await credentialsOf('http://127.0.0.1:8000')).toBe('local');
  });

  it('gives a remote endpoint the real credentials the environment names', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIAREAL';
    process.env.AWS_SECRET_ACCESS_KEY = 'real-secret';
    expect(await credentialsOf('https://dynamodb.eu-west-3.amazonaws.com')).toBe('AKIAREAL');
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_PROFILE;
    expect(await credentialsOf('http://dynamodb.test.internal:8000')).toBe('local');
  });
});
