import { z } from 'zod';
import { groupsToWithhold } from './anonymity.js';
import { ZIterationStatus } from './iteration.js';
import type { TPulse, TQuestion } from './pulse.js';
import type { THeadcount, TSegmentDimension } from './segment.js';
import { ZSegmentDimension } from './segment.js';
import { enpsOf, meanOf } from './statistics.js';
import type { TTally } from './tally.js';
import { answeredCounter, respondentsIn, responsesByDay, valueCounter } from './tally.js';

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

/** Which release the figures come from: results move only by releases (disclosure/). */
export const ZReleaseInfo = z
  .object({
    number: z.number().int().positive(),
    madeAt: z.string(),
    /** The release made when the iteration closed: it never changes. */
    final: z.boolean(),
  })
  .meta({ id: 'ReleaseInfo' });
export type TReleaseInfo = z.infer<typeof ZReleaseInfo>;

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
    byDay: z.array(z.object({ day: z.string(), responses: z.number().int() })),
    questions: z.array(ZQuestionResult),
    by: ZSegmentDimension.nullable(),
    groups: z.array(ZGroupResult),
  })
  .meta({ id: 'Results' });
export type TResults = z.infer<typeof ZResults>;

export type TResultsInput = {
  iterationId: number;
  status: z.infer<typeof ZIterationStatus>;
  pulse: TPulse;
  headcount: THeadcount;
  /** The release the tallies were taken from; null while there is none. */
  release: TReleaseInfo | null;
  overall: TTally;
  k: number;
  breakdown?: { by: TSegmentDimension; tallies: ReadonlyMap<string, TTally> };
};

/** Turns counters into what the steering group reads, with every anonymity rule applied. */
export function computeResults(input: TResultsInput): TResults {
  const { pulse, headcount, overall, k } = input;
  const respondents = respondentsIn(overall);
  const withheld = respondents < k;
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
    release: input.release,
    members: headcount.total,
    withheld,
    respondents: withheld ? null : respondents,
    participation: withheld || headcount.total === 0 ? null : respondents / headcount.total,
    byDay: withheld ? [] : responsesByDay(overall),
    questions: overallQuestions,
    by: input.breakdown?.by ?? null,
    groups: input.breakdown && !withheld ? groupResults(input, input.breakdown) : [],
  };
}

function groupResults(
  input: TResultsInput,
  breakdown: NonNullable<TResultsInput['breakdown']>,
): TGroupResult[] {
  const members = input.headcount.byDimension[breakdown.by] ?? {};
  const values = [...new Set([...Object.keys(members), ...breakdown.tallies.keys()])].sort();
  const tallyOf = (value: string): TTally => breakdown.tallies.get(value) ?? {};
  const hiddenGroups = groupsToWithhold(
    values.map((value) => ({ key: value, size: respondentsIn(tallyOf(value)) })),
    input.k,
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

function withheldQuestion(question: TQuestion): TQuestionResult {
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
