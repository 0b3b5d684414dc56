import * as z from 'zod';
import { ZLocalizedText } from './text.js';

/** Tracked questions keep their id from one iteration to the next so their trends line up. */
export const ZQuestionId = z
  .string()
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes, 40 at most');

export const ZOptionId = ZQuestionId;

export const ZChoiceOption = z
  .object({ id: ZOptionId, label: ZLocalizedText })
  .meta({ id: 'ChoiceOption' });
export type TChoiceOption = z.infer<typeof ZChoiceOption>;

const questionBase = {
  id: ZQuestionId,
  label: ZLocalizedText,
  required: z.boolean(),
};

const choiceOptions = z
  .array(ZChoiceOption)
  .min(2)
  .max(12)
  .refine((options) => new Set(options.map((o) => o.id)).size === options.length, {
    message: 'option ids must be unique',
  });

export const ZScaleQuestion = z
  .object({
    ...questionBase,
    type: z.literal('scale'),
    lowLabel: ZLocalizedText,
    highLabel: ZLocalizedText,
  })
  .meta({ id: 'ScaleQuestion' });
export const ZEnpsQuestion = z
  .object({ ...questionBase, type: z.literal('enps') })
  .meta({ id: 'EnpsQuestion' });
/** Single and multiple choice differ only in how many options an answer may hold. */
const choiceQuestion = <T extends 'single' | 'multiple'>(type: T) =>
  z.object({ ...questionBase, type: z.literal(type), options: choiceOptions });
export const ZSingleChoiceQuestion = choiceQuestion('single').meta({ id: 'SingleChoiceQuestion' });
export const ZMultipleChoiceQuestion = choiceQuestion('multiple').meta({
  id: 'MultipleChoiceQuestion',
});
export const ZTextQuestion = z
  .object({
    ...questionBase,
    type: z.literal('text'),
    maxLength: z.number().int().min(1).max(2000),
  })
  .meta({ id: 'TextQuestion' });

export const ZQuestion = z
  .discriminatedUnion('type', [
    ZScaleQuestion,
    ZEnpsQuestion,
    ZSingleChoiceQuestion,
    ZMultipleChoiceQuestion,
    ZTextQuestion,
  ])
  .meta({ id: 'Question' });
export type TQuestion = z.infer<typeof ZQuestion>;
export type TQuestionType = TQuestion['type'];

/** What the steering group sends to set an iteration's pulse. */
export const ZPulseInput = z
  .object({
    questions: z
      .array(ZQuestion)
      .min(3)
      .max(12)
      .refine((questions) => new Set(questions.map((q) => q.id)).size === questions.length, {
        message: 'question ids must be unique',
      }),
  })
  .meta({ id: 'PulseInput' });
export type TPulseInput = z.infer<typeof ZPulseInput>;

export const ZPulse = ZPulseInput.extend({
  id: z.string(),
  iterationId: z.number().int().positive(),
}).meta({ id: 'Pulse' });
export type TPulse = z.infer<typeof ZPulse>;

/** A pulse belongs to exactly one iteration, so its id derives from the iteration's. */
export function pulseIdOf(iterationId: number): string {
  return `pulse-${iterationId}`;
}

export function iterationIdOfPulse(pulseId: string): number | null {
  const match = /^pulse-([1-9][0-9]{0,5})$/.exec(pulseId);
  return match ? Number(match[1]) : null;
}
