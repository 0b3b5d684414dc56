import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { mockedApp, steering } from '../testing/mocked-app.js';

describe('an iteration has one address', () => {
  it.each(['0x5', '5.0', '1e1', '%205', '05', '+5'])(
    'refuses /api/iterations/%s/close with 400 naming id, and writes nothing',
    async (id) => {
      const { call, dynamo } = await mockedApp();
      const response = await call(steering, 'POST', `/api/iterations/${id}/close`);
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { fields: Record<string, string> } };
      expect(error.fields.id).toMatch(/whole number/);
      expect(dynamo.commandCalls(UpdateCommand)).toHaveLength(0);
      expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
    },
  );

  it('refuses a page size written other than in digits', async () => {
    const { call } = await mockedApp();
    const response = await call(steering, 'GET', '/api/iterations/5/comments?limit=0x10');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { fields: { limit: expect.any(String) } },
    });
  });
});

describe('an address longer than any email', () => {
  it('is nobody (401) rather than a key DynamoDB would refuse', async () => {
    const { app, tokenFor } = await mockedApp();
    const token = await tokenFor({
      ...steering,
      email: `${'a'.repeat(1100)}@example.com`,
    });
    const response = await app.request('/api/me', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(401);
  });
});
