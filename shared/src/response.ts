import * as z from 'zod';

export const ZAnswerValue = z
  .union([z.number(), z.string().max(5000), z.array(z.string().max(100)).max(20)])
  .meta({ id: 'AnswerValue' });
export type TAnswerValue = z.infer<typeof ZAnswerValue>;

export const ZAnswers = z.record(z.string().max(100), ZAnswerValue).meta({ id: 'Answers' });
export type TAnswers = z.infer<typeof ZAnswers>;

export const ZResponseInput = z.object({ answers: ZAnswers }).meta({ id: 'ResponseInput' });
export type TResponseInput = z.infer<typeof ZResponseInput>;

/** Proof that a member answered a pulse. It holds the day, never the answers. */
export const ZReceipt = z
  .object({
    pulseId: z.string(),
    iterationId: z.number().int().positive(),
    answeredOn: z.iso.date(),
  })
  .meta({ id: 'Receipt' });
export type TReceipt = z.infer<typeof ZReceipt>;

export type TFieldErrors = Record<string, string>;
