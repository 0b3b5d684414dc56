import * as z from 'zod';
import { groupsToWithhold } from './disclosure/index.js';
import { compareGroups } from './group-order.js';
import { ZIterationStatus } from './iteration.js';
import { ZReleaseInfo, type TRelease } from './release.js';
import type { TPulse, TQuestion } from './pulse.js';
import type { THeadcount, TSegmentDimension } from './segment.js';
import { ZSegmentDimension } from './segment.js';
import { enpsOf, meanOf } from './statistics.js';
import type { TTally } from './tally.js';
import { answeredCounter, respondentsIn, valueCounter } from './tally.js';

const ZInterval = z.object({ low: z.number(), high: z.number() });

export const ZQuestionResult = z
  .object({
    questionId: z.string(),
    type: z.enum(['scale', 'enps', 'single', 'multiple', 'text']),
    /** True when fewer than k answered (or complementary suppression applies): nothing else is set. */
    withheld: z.boolean(),
    answered: z.number().int().nullable(),
    distribution: z.array(z.object({ value: z.string(), count: z.number().int() })),
    mean: z.number().nullable(),
    enps: z.number().nullable(),
    interval: ZInterval.nullable(),
  })
  .meta({ id: 'QuestionResult' });
export type TQuestionResult = z.infer<typeof ZQuestionResult>;

export const ZGroupResult = z
  .object({
    value: z.string(),
    members: z.number().int(),
    withheld: z.boolean(),
    respondents: z.number().int().nullable(),
    participation: z.number().nullable(),
    questions: z.array(ZQuestionResult),
  })
  .meta({ id: 'GroupResult' });
export type TGroupResult = z.infer<typeof ZGroupResult>;

/**
 * What an ambassador who is not steering may read: their own team as the disclosure segments
 * froze it when the iteration opened (null when they had none then: everything withheld).
 */
export const ZResultsScope = z
  .object({
    dimension: z.literal('team'),
    value: z.string().nullable(),
    /** True when their team was pooled (`*`): they see the pooled group. */
    pooled: z.boolean(),
  })
  .meta({ id: 'ResultsScope' });
export type TResultsScope = z.infer<typeof ZResultsScope>;

export const ZResults = z
  .object({
    iterationId: z.number().int(),
    pulseId: z.string(),
    status: ZIterationStatus,
    k: z.number().int(),
    /** Null while no release could be made yet: then every figure is withheld. */
    release: ZReleaseInfo.nullable(),
    members: z.number().int(),
    withheld: z.boolean(),
    respondents: z.number().int().nullable(),
    participation: z.number().nullable(),
    /** Responses per range of days, each range holding at least k (days under k are merged). */
    byDay: z.array(z.object({ from: z.string(), to: z.string(), responses: z.number().int() })),
    questions: z.array(ZQuestionResult),
    by: ZSegmentDimension.nullable(),
    groups: z.array(ZGroupResult),
    /** Null for the steering group; an ambassador's team otherwise (the figures are its group's). */
    scope: ZResultsScope.nullable(),
  })
  .meta({ id: 'Results' });
export type TResults = z.infer<typeof ZResults>;

export type TResultsInput = {
  iterationId: number;
  status: z.infer<typeof ZIterationStatus>;
  pulse: TPulse;
  headcount: THeadcount;
  /** The release figures are read from; null while there is none (everything withheld). */
  release: TRelease | null;
  k: number;
  by: TSegmentDimension | null;
};

/**
 * Turns a release's counters into what the steering group reads, with every anonymity rule
 * applied: never live counters, so two reads can only differ by a whole release.
 */
export function computeResults(input: TResultsInput): TResults {
  const { pulse, headcount, release, k } = input;
  const overall = release?.tallies.overall ?? {};
  const respondents = respondentsIn(overall);
  const withheld = release === null || respondents < k;
  const overallQuestions = pulse.questions.map((question) =>
    withheld || (overall[answeredCounter(question.id)] ?? 0) < k
      ? withheldQuestion(question)
      : questionResult(question, overall),
  );
  return {
    iterationId: input.iterationId,
    pulseId: pulse.id,
    status: input.status,
    k,
    release: release?.info ?? null,
    members: headcount.total,
    withheld,
    respondents: withheld ? null : respondents,
    participation: withheld || headcount.total === 0 ? null : respondents / headcount.total,
    byDay: withheld || !release ? [] : release.dayRanges,
    questions: overallQuestions,
    by: input.by,
    groups: input.by && release && !withheld ? groupResults(input, release, input.by) : [],
    scope: null,
  };
}

function groupResults(
  input: TResultsInput,
  release: TRelease,
  by: TSegmentDimension,
): TGroupResult[] {
  const members = input.headcount.byDimension[by] ?? {};
  const tallies = release.tallies.byDimension[by] ?? {};
  const values = [...new Set([...Object.keys(members), ...Object.keys(tallies)])].sort(
    compareGroups(by),
  );
  const tallyOf = (value: string): TTally => tallies[value] ?? {};
  // Late answers a final release could not show stay withheld, with their complements.
  const hiddenGroups = groupsToWithhold(
    values.map((value) => ({ key: value, size: respondentsIn(tallyOf(value)) })),
    input.k,
    new Set(release.withheld[by] ?? []),
  );
  // Each question is suppressed on its own answer counts, starting from the hidden groups.
  const hiddenAnswers = new Map(
    input.pulse.questions.map((question) => [
      question.id,
      groupsToWithhold(
        values.map((value) => ({
          key: value,
          size: tallyOf(value)[answeredCounter(question.id)] ?? 0,
        })),
        input.k,
        hiddenGroups,
      ),
    ]),
  );
  return values.map((value) => {
    const tally = tallyOf(value);
    const groupMembers = members[value] ?? 0;
    const withheld = hiddenGroups.has(value);
    const respondents = respondentsIn(tally);
    return {
      value,
      members: groupMembers,
      withheld,
      respondents: withheld ? null : respondents,
      participation: withheld || groupMembers === 0 ? null : respondents / groupMembers,
      questions: input.pulse.questions.map((question) =>
        hiddenAnswers.get(question.id)?.has(value)
          ? withheldQuestion(question)
          : questionResult(question, tally),
      ),
    };
  });
}

/** A question whose figures are withheld: its id and type only. */
export function withheldQuestion(question: Pick<TQuestion, 'id' | 'type'>): TQuestionResult {
  return {
    questionId: question.id,
    type: question.type,
    withheld: true,
    answered: null,
    distribution: [],
    mean: null,
    enps: null,
    interval: null,
  };
}

function valuesOf(question: TQuestion): string[] {
  switch (question.type) {
    case 'scale':
      return ['1', '2', '3', '4', '5'];
    case 'enps':
      return Array.from({ length: 11 }, (_, score) => String(score));
    case 'single':
    case 'multiple':
      return question.options.map((option) => option.id);
    case 'text':
      return [];
  }
}

export function questionResult(question: TQuestion, tally: TTally): TQuestionResult {
  const distribution = valuesOf(question).map((value) => ({
    value,
    count: tally[valueCounter(question.id, value)] ?? 0,
  }));
  const numeric = new Map(distribution.map((bucket) => [Number(bucket.value), bucket.count]));
  const mean = question.type === 'scale' ? meanOf(numeric) : null;
  const enps = question.type === 'enps' ? enpsOf(numeric) : null;
  return {
    questionId: question.id,
    type: question.type,
    withheld: false,
    answered: tally[answeredCounter(question.id)] ?? 0,
    distribution,
    mean: mean?.mean ?? null,
    enps: enps?.enps ?? null,
    interval: mean?.interval ?? enps?.interval ?? null,
  };
}
