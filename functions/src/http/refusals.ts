import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DomainError } from '@boucle/shared';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { logger } from '../observability.js';
import { HTTP_STATUS, isTransient } from './errors.js';
import { fieldErrorsOf } from './validate.js';

/** Input that fails its route's schema: a 400 naming every wrong field. */
export function refuseInvalidInput(result: { success: boolean; error?: ZodError }): void {
  if (!result.success && result.error) {
    throw new DomainError(
      'invalid_input',
      'Some fields are not valid',
      fieldErrorsOf(result.error),
    );
  }
}

/** What Hono's own validators throw, in the API's words. */
function fromHttpException(error: HTTPException): DomainError | null {
  if (error.status === 415) {
    return new DomainError('unsupported_media_type', 'Send this body as application/json', {
      'content-type': 'must be application/json',
    });
  }
  if (error.status === 400) {
    return new DomainError('invalid_input', 'The request body is not valid JSON', {
      body: 'must be valid JSON',
    });
  }
  return null;
}

/**
 * A transaction cancelled only because another one touched the same items at that moment (no
 * condition failed): a route that gave it no meaning of its own leaves it here, and retrying
 * later succeeds, as for throttling.
 */
function isConflictOnly(error: Error): boolean {
  const codes = (error instanceof TransactionCanceledException ? error.CancellationReasons : [])
    ?.map((reason) => reason.Code)
    .filter((code) => code !== 'None');
  return (
    codes !== undefined && codes.length > 0 && codes.every((code) => code === 'TransactionConflict')
  );
}

/** The one place errors become responses: domain refusals by code, storage faults as 503. */
export function respondToError(error: Error, c: Context) {
  const known =
    error instanceof DomainError
      ? error
      : error instanceof HTTPException
        ? fromHttpException(error)
        : isTransient(error) || isConflictOnly(error)
          ? new DomainError('unavailable', 'The service is busy, please try again in a moment')
          : null;
  if (known) {
    const status = HTTP_STATUS[known.code];
    logger[status >= 500 ? 'warn' : 'info']('request refused', {
      method: c.req.method,
      route: c.req.routePath,
      status,
      code: known.code,
    });
    if (status === 503) c.header('Retry-After', '1');
    const { code, message, fields } = known;
    return c.json({ error: { code, message, ...(fields ? { fields } : {}) } }, status);
  }
  logger.error('request failed', {
    method: c.req.method,
    route: c.req.routePath,
    error: error.name,
  });
  return c.json({ error: { code: 'internal', message: 'Something went wrong on our side' } }, 500);
}
