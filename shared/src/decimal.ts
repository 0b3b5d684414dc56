import * as z from 'zod';

/** Iteration ids fit the pulse id's six digits (`pulse-999999`). */
export const MAX_ITERATION_ID = 999_999;

/**
 * A whole number written as a path or query parameter: plain decimal digits only. `z.coerce`
 * would take `0x5`, `5.0`, `1e1` or ` 5` for 5, so one resource would answer to many spellings
 * (and a close meant for one address reach another).
 */
export function decimalParameter(min: number, max: number) {
  const digits = min === 0 ? /^(0|[1-9][0-9]*)$/ : /^[1-9][0-9]*$/;
  return z
    .string()
    .max(String(max).length)
    .regex(digits, `must be a whole number from ${min} to ${max}, written in digits`)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}
