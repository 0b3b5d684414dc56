import { describe, expect, it } from 'vitest';
import { computeTrends } from '../compute-trends.js';
import type { TIteration } from '../iteration.js';
import { pulseIdOf, type TPulse } from '../pulse.js';
import { defaultPulseTemplate } from '../pulse-template.js';
import type { TRelease } from '../release.js';
import { computeResults } from '../results.js';
import { addTallies, tallyOfResponse, type TTally } from '../tally.js';
import {
  actionEffect,
  currentIterationId,
  EMPTY_REVIEW,
  ideaFields,
  isOverdue,
  linkedIdeaIds,
  sameContent,
  ZReviewContent,
  type TReviewAction,
  type TReviewContent,
} from './index.js';

const IDEA_A = '000002-mhq1x2y3z0abc123';
const IDEA_B = '000002-mhq1x2y3z0abc456';

const action = (extra: Partial<TReviewAction> = {}): TReviewAction => ({
  id: 'a1',
  title: 'Training in levels at Nantes',
  ideaIds: [],
  owner: 'The ambassadors',
  dueIterationId: 3,
  trackedQuestionId: 'usefulness',
  status: 'planned',
  ...extra,
});

const content = (extra: Partial<TReviewContent> = {}): TReviewContent => ({
  ...EMPTY_REVIEW,
  summary: 'A good iteration',
  ...extra,
});

const iteration = (id: number, status: TIteration['status']): TIteration => ({
  id,
  name: `Iteration ${id}`,
  startDate: '2026-01-05',
  endDate: '2026-01-30',
  goals: [],
  status,
  pulseId: pulseIdOf(id),
  headcount: null,
  openedAt: null,
  closedAt: null,
  reviewedAt: null,
});

describe('ZReviewContent', () => {
  const fieldsOf = (input: unknown) =>
    ZReviewContent.safeParse(input).error?.issues.map((issue) => issue.path.join('.'));

  it('takes a full review', () => {
    const full = content({
      saidWeDid: [{ said: 'Too few tutorials', did: 'Video tutorials', ideaIds: [IDEA_A] }],
      decisions: [{ text: 'Conventions of use', ideaIds: [] }],
      actions: [action(), action({ id: 'a2', trackedQuestionId: null, status: 'done' })],
    });
    expect(ZReviewContent.parse(full)).toEqual(full);
  });

  it('refuses a summary over 4000 characters, naming it', () => {
    expect(fieldsOf(content({ summary: 'x'.repeat(4001) }))).toEqual(['summary']);
    expect(fieldsOf(content({ summary: 'x'.repeat(4000) }))).toBeUndefined();
  });

  it('refuses too many actions, a blank title, an idea twice, two actions with one id', () => {
    const many = Array.from({ length: 31 }, (_, index) => action({ id: `a${index}` }));
    expect(fieldsOf(content({ actions: many }))).toEqual(['actions']);
    expect(fieldsOf(content({ actions: [action({ title: '  ' })] }))).toEqual(['actions.0.title']);
    expect(fieldsOf(content({ actions: [action({ ideaIds: [IDEA_A, IDEA_A] })] }))).toEqual([
      'actions.0.ideaIds',
    ]);
    expect(fieldsOf(content({ actions: [action(), action()] }))).toEqual(['actions.1.id']);
  });

  it('refuses a said/did pair over its length and an idea id that is not one', () => {
    const pair = { said: 'x'.repeat(1001), did: 'ok', ideaIds: ['not-an-idea'] };
    expect(fieldsOf(content({ saidWeDid: [pair] }))).toEqual([
      'saidWeDid.0.said',
      'saidWeDid.0.ideaIds.0',
    ]);
  });
});

describe('overdue', () => {
  it('the current iteration is the open one, else the latest opened; a draft is only planned', () => {
    expect(currentIterationId([iteration(1, 'reviewed'), iteration(2, 'open')])).toBe(2);
    expect(currentIterationId([iteration(1, 'reviewed'), iteration(2, 'draft')])).toBe(1);
    expect(currentIterationId([iteration(1, 'draft')])).toBeNull();
  });

  it('is late when not done and due before the current iteration', () => {
    expect(isOverdue(action({ dueIterationId: 3 }), 4)).toBe(true);
    expect(isOverdue(action({ dueIterationId: 3, status: 'in-progress' }), 4)).toBe(true);
    expect(isOverdue(action({ dueIterationId: 4 }), 4)).toBe(false);
    expect(isOverdue(action({ dueIterationId: 3, status: 'done' }), 4)).toBe(false);
    expect(isOverdue(action(), null)).toBe(false);
  });
});

describe('links and sameness', () => {
  const second = action({ id: 'a2', ideaIds: [IDEA_A] });
  const linked = content({
    saidWeDid: [{ said: 's', did: 'd', ideaIds: [IDEA_A] }],
    actions: [action({ ideaIds: [IDEA_B] }), second],
  });

  it('lists each linked idea once and tells where each link sits', () => {
    expect(linkedIdeaIds(linked)).toEqual([IDEA_A, IDEA_B]);
    expect(ideaFields(linked)).toEqual([
      { id: IDEA_A, field: 'saidWeDid.0.ideaIds.0' },
      { id: IDEA_B, field: 'actions.0.ideaIds.0' },
      { id: IDEA_A, field: 'actions.1.ideaIds.0' },
    ]);
  });

  it('tells the same content whatever its key order, and a changed status apart', () => {
    const reordered = JSON.parse(JSON.stringify(linked, Object.keys(linked).reverse()));
    expect(sameContent(linked, { ...reordered, ...linked })).toBe(true);
    const done = {
      ...linked,
      actions: [action({ ideaIds: [IDEA_B], status: 'done' }), second],
    };
    expect(sameContent(linked, done)).toBe(false);
  });
});

describe('actionEffect', () => {
  const pulseOf = (id: number): TPulse => ({
    id: pulseIdOf(id),
    iterationId: id,
    ...defaultPulseTemplate,
  });
  function answers(count: number, usefulness: number, enps: number): TTally {
    const one = tallyOfResponse(pulseOf(1), {
      usefulness,
      'ease-of-use': 3,
      frequency: 'weekly',
      enps,
      'training-need': 'none',
    });
    return addTallies(...Array.from({ length: count }, () => one));
  }
  const headcount = {
    total: 40,
    byDimension: { team: { sales: 40 }, site: {}, trainingLevel: {}, ambassador: {} },
  };
  function entry(id: number, tally: TTally | null) {
    const release: TRelease | null = tally && {
      info: { number: 1, madeAt: '2026-01-30T17:00:00.000Z', final: true },
      tallies: {
        overall: tally,
        byDimension: { team: { sales: tally }, site: {}, trainingLevel: {}, ambassador: {} },
      },
      dayRanges: [],
      withheld: {},
    };
    const it = { ...iteration(id, 'reviewed'), headcount };
    const pulse = pulseOf(id);
    const results = computeResults({
      iterationId: id,
      status: it.status,
      pulse,
      headcount,
      release,
      k: 5,
      by: null,
    });
    return { iteration: it, pulse, results };
  }
  const trendsOf = (...entries: ReturnType<typeof entry>[]) =>
    computeTrends({ k: 5, by: null, scope: null, iterations: entries });
  const before = addTallies(answers(10, 2, 3), answers(10, 3, 9));
  const after = addTallies(answers(10, 4, 9), answers(10, 5, 10));

  it('gives nothing for an action not done or tracking nothing', () => {
    const trends = trendsOf(entry(1, before), entry(3, after));
    expect(actionEffect(action(), trends)).toBeNull();
    expect(actionEffect(action({ status: 'done', trackedQuestionId: null }), trends)).toBeNull();
  });

  it('measures a clear rise of the mean, with the trends’ own test', () => {
    const trends = trendsOf(entry(1, before), entry(3, after));
    const effect = actionEffect(action({ status: 'done' }), trends);
    expect(effect).toMatchObject({
      questionId: 'usefulness',
      kind: 'mean',
      before: { iterationId: 1, value: 2.5, n: 20 },
      after: { iterationId: 3, value: 4.5, n: 20 },
      outcome: 'measured',
      estimate: 2,
      verdict: 'clear rise',
    });
    expect(effect?.pValue).toBeLessThan(0.05);
    expect(
      actionEffect(action({ status: 'done', trackedQuestionId: 'enps' }), trends),
    ).toMatchObject({
      kind: 'enps',
      outcome: 'measured',
      verdict: 'clear rise',
    });
  });

  it('tells nothing when a side is withheld, and waits while there is no after', () => {
    const withheld = actionEffect(
      action({ status: 'done' }),
      trendsOf(entry(1, before), entry(3, answers(3, 5, 10))),
    );
    expect(withheld).toMatchObject({ outcome: 'too-few-answers', verdict: null, pValue: null });
    expect(withheld?.after?.value).toBeNull();
    expect(actionEffect(action({ status: 'done' }), trendsOf(entry(1, before)))).toMatchObject({
      outcome: 'not-yet',
      after: null,
    });
  });

  it('says a question no pulse asked was not asked', () => {
    const trends = trendsOf(entry(1, before), entry(3, after));
    expect(
      actionEffect(action({ status: 'done', trackedQuestionId: 'not-asked' }), trends),
    ).toMatchObject({
      kind: null,
      outcome: 'not-asked',
    });
  });
});
