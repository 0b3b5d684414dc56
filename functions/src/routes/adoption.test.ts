import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { iterationKey } from '../repositories/iterations.js';
import {
  defaultItems,
  employee,
  mockedApp,
  openIteration,
  openPulse,
  steering,
} from '../testing/mocked-app.js';

const conditionFailed = () =>
  new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

const figures = {
  registeredMembers: 240,
  weeklyActiveMembers: 120,
  contributors: 45,
  posts: 310,
  comments: 870,
};

/** Iteration 6 is still a draft beside the open iteration 5. */
const withDraft = () => [
  ...defaultItems(),
  {
    ...iterationKey(6),
    iteration: { ...openIteration, id: 6, status: 'draft', pulseId: null, headcount: null },
    pulse: null,
  },
];

describe('PUT /api/iterations/{id}/adoption', () => {
  it('stores the figures on the iteration with one conditional update, and answers it', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo.on(UpdateCommand).callsFake(async ({ ExpressionAttributeValues }) => ({
      Attributes: {
        ...iterationKey(5),
        iteration: { ...openIteration, adoption: ExpressionAttributeValues[':adoption'] },
        pulse: openPulse,
      },
    }));
    const response = await call(steering, 'PUT', '/api/iterations/5/adoption', figures);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: 5, status: 'open', adoption: figures });
    const updates = dynamo.commandCalls(UpdateCommand);
    expect(updates).toHaveLength(1);
    // Only the figures are written: a lifecycle step at the same moment is not undone.
    expect(updates[0]?.args[0].input).toMatchObject({
      Key: iterationKey(5),
      UpdateExpression: 'SET iteration.adoption = :adoption',
      ConditionExpression: 'attribute_exists(pk) AND iteration.#status <> :draft',
    });
  });

  it('names the wrong field: more active than registered, a negative count', async () => {
    const { call, dynamo } = await mockedApp();
    for (const [body, field] of [
      [{ ...figures, weeklyActiveMembers: 241 }, 'weeklyActiveMembers'],
      [{ ...figures, posts: -1 }, 'posts'],
      [{ ...figures, contributors: 2.5 }, 'contributors'],
    ] as const) {
      const response = await call(steering, 'PUT', '/api/iterations/5/adoption', body);
      expect(response.status, field).toBe(400);
      const { error } = await response.json();
      expect(error.code).toBe('invalid_input');
      expect(Object.keys(error.fields)).toEqual([field]);
    }
    expect(dynamo.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('is the steering group’s only', async () => {
    const { call, dynamo } = await mockedApp();
    const response = await call(employee, 'PUT', '/api/iterations/5/adoption', figures);
    expect(response.status).toBe(403);
    expect(dynamo.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('answers 404 for an iteration that does not exist', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo.on(UpdateCommand).rejects(conditionFailed());
    const response = await call(steering, 'PUT', '/api/iterations/9/adoption', figures);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
  });

  it('answers 409 for a draft: its figures come once it has run', async () => {
    const { call, dynamo } = await mockedApp(withDraft());
    dynamo.on(UpdateCommand).rejects(conditionFailed());
    const response = await call(steering, 'PUT', '/api/iterations/6/adoption', figures);
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe('iteration_is_draft');
  });
});
