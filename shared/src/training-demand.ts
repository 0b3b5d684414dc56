import * as z from 'zod';
import { ZHeatmapCellState } from './heatmap.js';
import type { TPulse } from './pulse.js';
import { ZReleaseInfo } from './release.js';
import type { TQuestionResult, TResults } from './results.js';
import { POOLED } from './pooled.js';

/** The pulse question training demand is read from (single choice: none/beginner/…). */
export const TRAINING_NEED_QUESTION = 'training-need';

/** How many chose one need; null when withheld. */
export const ZTrainingNeedCount = z
  .object({
    need: z.string(),
    count: z.number().int().nullable(),
    /** count / answered; null when withheld or nobody answered. */
    share: z.number().nullable(),
  })
  .meta({ id: 'TrainingNeedCount' });
export type TTrainingNeedCount = z.infer<typeof ZTrainingNeedCount>;

/** The needs expressed by the members of one training level of the directory. */
export const ZTrainingDemandLevel = z
  .object({
    /** beginner, confirmed, advanced (the directory's level), or `*` when pooled. */
    level: z.string(),
    state: ZHeatmapCellState,
    members: z.number().int(),
    answered: z.number().int().nullable(),
    needs: z.array(ZTrainingNeedCount),
  })
  .meta({ id: 'TrainingDemandLevel' });
export type TTrainingDemandLevel = z.infer<typeof ZTrainingDemandLevel>;

export const ZTrainingDemand = z
  .object({
    iterationId: z.number().int(),
    pulseId: z.string(),
    k: z.number().int(),
    release: ZReleaseInfo.nullable(),
    /** False when this pulse does not ask the training-need question: then the table is empty. */
    asked: z.boolean(),
    /** The need options, in the pulse's order (none, beginner, confirmed, advanced). */
    needs: z.array(z.string()),
    /** Training level × need, levels in their natural order, pooled last. */
    levels: z.array(ZTrainingDemandLevel),
    /** The whole organisation's demand: how many sessions of which level to plan. */
    overall: z.object({
      withheld: z.boolean(),
      answered: z.number().int().nullable(),
      needs: z.array(ZTrainingNeedCount),
    }),
  })
  .meta({ id: 'TrainingDemand' });
export type TTrainingDemand = z.infer<typeof ZTrainingDemand>;

function needCounts(
  needs: readonly string[],
  question: TQuestionResult | undefined,
): TTrainingNeedCount[] {
  const shown = question && !question.withheld ? question : null;
  const answered = shown?.answered ?? 0;
  return needs.map((need) => {
    const count = shown ? (shown.distribution.find((b) => b.value === need)?.count ?? 0) : null;
    return { need, count, share: count !== null && answered > 0 ? count / answered : null };
  });
}

const needQuestionOf = (question: TQuestionResult[]) =>
  question.find((each) => each.questionId === TRAINING_NEED_QUESTION);

/**
 * Which training the members of each training level ask for, and how many sessions of each
 * level to plan overall: the training-need answers of `computeResults` by training level, so a
 * level the results withhold stays withheld here.
 */
export function computeTrainingDemand(
  results: TResults & { by: 'trainingLevel' },
  pulse: Pick<TPulse, 'questions'>,
): TTrainingDemand {
  const question = pulse.questions.find((each) => each.id === TRAINING_NEED_QUESTION);
  const needs = question?.type === 'single' ? question.options.map((option) => option.id) : [];
  const asked = needs.length > 0;
  const overall = needQuestionOf(results.questions);
  return {
    iterationId: results.iterationId,
    pulseId: results.pulseId,
    k: results.k,
    release: results.release,
    asked,
    needs,
    levels: asked
      ? results.groups.map((group) => {
          const answers = needQuestionOf(group.questions);
          const withheld = group.withheld || !answers || answers.withheld;
          return {
            level: group.value,
            state: withheld ? 'withheld' : group.value === POOLED ? 'pooled' : 'shown',
            members: group.members,
            answered: withheld ? null : answers.answered,
            needs: needCounts(needs, answers),
          };
        })
      : [],
    overall: {
      withheld: !overall || overall.withheld,
      answered: overall && !overall.withheld ? overall.answered : null,
      needs: needCounts(needs, overall),
    },
  };
}
