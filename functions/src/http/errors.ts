import type { TErrorCode } from '@boucle/shared';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The one place where a domain refusal becomes an HTTP status.
 *
 * A request that is well-formed and allowed for this caller, but that the resource's current
 * state refuses (answering a closed iteration, opening one that is not a draft), is a 409: the
 * caller may retry once the state changes. 403 is kept for who the caller is (role, directory).
 */
export const HTTP_STATUS: Record<TErrorCode, ContentfulStatusCode> = {
  invalid_input: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthenticated: 401,
  forbidden: 403,
  not_in_directory: 403,
  not_found: 404,
  unknown_member: 404,
  already_answered: 409,
  iteration_not_open: 409,
  invalid_transition: 409,
  iteration_not_draft: 409,
  iteration_is_draft: 409,
  iteration_changed: 409,
  iteration_exists: 409,
  iteration_not_started: 409,
  comments_not_released: 409,
  comment_already_hidden: 409,
  directory_changed: 409,
  roster_shrinks: 409,
  roster_import_conflict: 409,
  idea_status_refused: 409,
  idea_changed: 409,
  review_changed: 409,
  nothing_to_publish: 409,
  iteration_not_closed: 409,
  convention_changed: 409,
  unavailable: 503,
  auth_unavailable: 503,
  misconfigured: 500,
  internal: 500,
};

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
  // The socket's own faults, as Node names them: a connect that timed out, a peer gone, DNS busy.
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
]);

/** Storage faults the client should simply retry: throttling, timeouts, lost connections. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: string }).code;
  return TRANSIENT_ERRORS.has(error.name) || (code !== undefined && TRANSIENT_ERRORS.has(code));
}
