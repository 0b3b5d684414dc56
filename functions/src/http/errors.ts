import type { TFieldErrors } from '@boucle/shared';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error whose meaning the client can act on; turned into `{error: {code, message, fields}}`. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: TFieldErrors,
  ) {
    super(message);
  }
}

export const invalidInput = (
  fields: TFieldErrors,
  message = 'Some fields are not valid',
): AppError => new AppError(400, 'invalid_input', message, fields);

export const notFound = (what: string): AppError =>
  new AppError(404, 'not_found', `${what} not found`);

export const forbidden = (code: string, message: string): AppError =>
  new AppError(403, code, message);

export const conflict = (code: string, message: string): AppError =>
  new AppError(409, code, message);

export const unavailable = (): AppError =>
  new AppError(503, 'unavailable', 'The service is busy, please try again in a moment');

const TRANSIENT_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'TransactionInProgressException',
  'TransactionConflictException',
  'ECONNREFUSED',
  'ECONNRESET',
]);

/** Storage faults the client should simply retry: throttling, timeouts, lost connections. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: string }).code;
  return TRANSIENT_ERRORS.has(error.name) || (code !== undefined && TRANSIENT_ERRORS.has(code));
}
