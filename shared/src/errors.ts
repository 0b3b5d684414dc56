import * as z from 'zod';
import { ERROR_CODES, type TErrorCode } from './error-codes.js';
import type { TFieldErrors } from './response.js';

/** The API's refusal codes as a schema (the list itself is schema-free, for the web). */
export const ZErrorCode = z.enum(ERROR_CODES).meta({ id: 'ErrorCode' });

/** A refusal with meaning: the caller can act on its code; `fields` names the wrong input. */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly fields?: TFieldErrors,
  ) {
    super(message);
  }
}
