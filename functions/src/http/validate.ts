import type { TFieldErrors } from '@boucle/shared';
import type { z } from 'zod';

/** zod issues as `{"answers.enps": "…"}`: the first problem of each field. */
export function fieldErrorsOf(error: z.ZodError): TFieldErrors {
  const fields: TFieldErrors = {};
  for (const issue of error.issues) {
    fields[issue.path.map(String).join('.') || 'body'] ??= issue.message;
  }
  return fields;
}
