import * as z from 'zod';

/** The two languages every employee-facing text exists in. */
export const ZLocale = z.enum(['fr', 'en']).meta({ id: 'Locale' });
export type TLocale = z.infer<typeof ZLocale>;

export const ZLocalizedText = z
  .object({
    fr: z.string().trim().min(1).max(500),
    en: z.string().trim().min(1).max(500),
  })
  .meta({ id: 'LocalizedText' });
export type TLocalizedText = z.infer<typeof ZLocalizedText>;
