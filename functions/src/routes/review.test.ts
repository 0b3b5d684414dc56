import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  type GetCommandInput,
  type PutCommandInput,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import {
  EMPTY_REVIEW,
  pulseIdOf,
  type TIterationReview,
  type TPublishedReview,
  type TReviewAction,
  type TReviewContent,
} from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { ideaKey } from '../repositories/ideas.js';
import { iterationKey } from '../repositories/iterations.js';
import {
  closedIteration,
  defaultItems,
  employee,
  mockedApp,
  NOW,
  openPulse,
  steering,
} from '../testing/mocked-app.js';

const IDEA = '000004-mhq1x2y3z0abc123';
const MISSING_IDEA = '000004-mhq1x2y3z0zzz999';

const tutorials: TReviewAction = {
  id: 'tutorials',
  title: 'Video tutorials',
  ideaIds: [IDEA],
  owner: 'The ambassadors',
  dueIterationId: 5,
  trackedQuestionId: 'usefulness',
  status: 'planned',
};

const content = (extra: Partial<TReviewContent> = {}): TReviewContent => ({
  ...EMPTY_REVIEW,
  summary: 'Training in levels worked at Nantes.',
  saidWeDid: [{ said: 'Too few tutorials', did: 'Video tutorials', ideaIds: [IDEA] }],
  actions: [tutorials],
  ...extra,
});

/**
 * The app over a small in-memory table: gets, conditional puts (`attribute_not_exists`,
 * `version = :read`) and key queries behave as DynamoDB's do, enough for the review's items.
 */
async function reviewApp() {
  const mocked = await mockedApp();
  const table = new Map<string, Record<string, unknown>>();
  const put = (item: Record<string, unknown>) => table.set(`${item.pk}|${item.sk}`, item);
  for (const item of defaultItems()) put(item);
  put({
    ...iterationKey(4),
    iteration: closedIteration,
    pulse: { ...openPulse, id: pulseIdOf(4), iterationId: 4 },
  });
  put({
    ...ideaKey(IDEA),
    id: IDEA,
    iterationId: 4,
    title: 'More tutorials',
    description: '',
    category: 'training',
    anonymous: true,
    authorEmail: employee.email,
    authorName: employee.name,
    votes: 2,
    createdAt: NOW.toISOString(),
  });
  mocked.dynamo.on(GetCommand).callsFake(async ({ Key }: GetCommandInput) => {
    const item = table.get(`${Key?.pk}|${Key?.sk}`);
    return { Item: item && structuredClone(item) };
  });
  mocked.dynamo.on(PutCommand).callsFake(async (input: PutCommandInput) => {
    const item = input.Item ?? {};
    const existing = table.get(`${item.pk}|${item.sk}`);
    const refused =
      (input.ConditionExpression === 'attribute_not_exists(pk)' && existing) ||
      (input.ConditionExpression === 'version = :read' &&
        existing?.version !== input.ExpressionAttributeValues?.[':read']);
    if (refused) {
      throw new ConditionalCheckFailedException({
        message: 'The conditional request failed',
        $metadata: {},
      });
    }
    put(structuredClone(item));
    return {};
  });
  mocked.dynamo.on(QueryCommand).callsFake(async (input: QueryCommandInput) => {
    const values = input.ExpressionAttributeValues ?? {};
    const prefix = Object.entries(values).find(([name]) => name !== ':pk')?.[1];
    const found = [...table.values()]
      .filter((item) => item.pk === values[':pk'])
      .filter((item) => typeof prefix !== 'string' || String(item.sk).startsWith(prefix))
      .sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
    if (input.ScanIndexForward === false) found.reverse();
    return { Items: structuredClone(found.slice(0, input.Limit ?? found.length)) };
  });
  return { ...mocked, table };
}

const PATH = '/api/iterations/4/review';

describe('iteration review routes', () => {
  it('keeps the review for the steering group', async () => {
    const { call } = await reviewApp();
    expect((await call(null, 'GET', PATH)).status).toBe(401);
    expect((await call(employee, 'GET', PATH)).status).toBe(403);
    expect((await call(employee, 'PUT', PATH, { content: content(), version: 0 })).status).toBe(
      403,
    );
    expect((await call({ ...employee, ambassador: true }, 'POST', `${PATH}/publish`)).status).toBe(
      403,
    );
  });

  it('answers an empty review of an iteration never written about, 404 for an unknown one', async () => {
    const { call } = await reviewApp();
    const answer = await call(steering, 'GET', PATH);
    expect(answer.status).toBe(200);
    const review = (await answer.json()) as TIterationReview;
    expect(review).toMatchObject({
      draft: null,
      revisions: [],
      actions: [],
      currentIterationId: 5,
    });
    expect((await call(steering, 'GET', '/api/iterations/9/review')).status).toBe(404);
    expect(
      (await call(steering, 'PUT', '/api/iterations/9/review', { content: content(), version: 0 }))
        .status,
    ).toBe(404);
  });

  it('saves the draft version after version, refusing a stale save with 409 naming version', async () => {
    const { call } = await reviewApp();
    const first = await call(steering, 'PUT', PATH, { content: content(), version: 0 });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ version: 1, savedAt: NOW.toISOString() });
    const second = await call(steering, 'PUT', PATH, {
      content: content({ summary: 'Two' }),
      version: 1,
    });
    expect(await second.json()).toMatchObject({ version: 2 });
    const stale = await call(steering, 'PUT', PATH, {
      content: content({ summary: 'Lost' }),
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      error: { code: 'review_changed', fields: { version: expect.any(String) } },
    });
    const review = (await (await call(steering, 'GET', PATH)).json()) as TIterationReview;
    expect(review.draft).toMatchObject({ version: 2, content: { summary: 'Two' } });
    expect(review.ideas).toEqual([{ id: IDEA, title: 'More tutorials' }]);
    expect(review.actions).toMatchObject([{ id: 'tutorials', overdue: false, effect: null }]);
  });

  it('refuses bad input with 400 naming the field, never 500', async () => {
    const { call } = await reviewApp();
    const long = await call(steering, 'PUT', PATH, {
      content: content({ summary: 'x'.repeat(4001) }),
      version: 0,
    });
    expect(long.status).toBe(400);
    expect(JSON.stringify(await long.json())).toContain('summary');
    const dangling = content();
    dangling.actions.push({ ...tutorials, id: 'b', ideaIds: [MISSING_IDEA] });
    dangling.actions.push({
      ...tutorials,
      id: 'c',
      ideaIds: [IDEA, MISSING_IDEA],
      dueIterationId: 12,
      trackedQuestionId: 'frequency',
    });
    const refused = await call(steering, 'PUT', PATH, { content: dangling, version: 0 });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.fields).toEqual({
      'actions.1.ideaIds.0': 'no such idea',
      'actions.2.ideaIds.1': 'no such idea',
      'actions.2.dueIterationId': 'no such iteration',
      'actions.2.trackedQuestionId': 'not a scale or eNPS question of a pulse',
    });
    const noVersion = await call(steering, 'PUT', PATH, { content: content() });
    expect(noVersion.status).toBe(400);
    expect(JSON.stringify(await noVersion.json())).toContain('version');
  });

  it('publishes revisions 1 then 2, a correction, and never changes revision 1', async () => {
    const { call, table } = await reviewApp();
    expect((await call(steering, 'POST', `${PATH}/publish`)).status).toBe(409);
    await call(steering, 'PUT', PATH, { content: content(), version: 0 });
    const first = await call(steering, 'POST', `${PATH}/publish`);
    expect(first.status).toBe(201);
    const revision1 = (await first.json()) as TPublishedReview;
    expect(revision1).toMatchObject({
      iterationId: 4,
      iterationName: 'Iteration 4',
      revision: 1,
      correction: false,
    });
    const stored1 = structuredClone(table.get('REVIEWS|000004#000001'));

    const again = await call(steering, 'POST', `${PATH}/publish`);
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('nothing_to_publish');

    const corrected = content({ summary: 'Training in levels worked at Nantes and Lyon.' });
    await call(steering, 'PUT', PATH, { content: corrected, version: 1 });
    const second = await call(steering, 'POST', `${PATH}/publish`);
    expect(await second.json()).toMatchObject({
      revision: 2,
      correction: true,
      content: { summary: corrected.summary },
    });
    expect(table.get('REVIEWS|000004#000001')).toEqual(stored1);

    const review = (await (await call(steering, 'GET', PATH)).json()) as TIterationReview;
    expect(review.revisions.map((revision) => revision.revision)).toEqual([2, 1]);
    expect(review.revisions[1]).toEqual(revision1);
  });

  it('refuses to publish before the iteration has closed', async () => {
    const { call } = await reviewApp();
    await call(steering, 'PUT', '/api/iterations/5/review', { content: content(), version: 0 });
    const early = await call(steering, 'POST', '/api/iterations/5/review/publish');
    expect(early.status).toBe(409);
    expect((await early.json()).error.code).toBe('iteration_not_closed');
  });

  it('marks an action late once its due iteration has passed', async () => {
    const { call } = await reviewApp();
    const late = content({ actions: [{ ...tutorials, dueIterationId: 4 }] });
    await call(steering, 'PUT', PATH, { content: late, version: 0 });
    const review = (await (await call(steering, 'GET', PATH)).json()) as TIterationReview;
    expect(review.actions[0]).toMatchObject({ overdue: true });
  });
});
