import { z } from 'zod';
import { ZHeatmapCellState } from './heatmap.js';
import { ZReleaseInfo } from './release.js';

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
