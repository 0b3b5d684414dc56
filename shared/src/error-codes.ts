/**
 * Every refusal the API can answer with. Services and repositories throw a `DomainError` with
 * one of these codes; the API maps each code to its HTTP status in one place, and the web
 * translates each code for the member.
 */
export const ERROR_CODES = [
  'invalid_input',
  'payload_too_large',
  'unsupported_media_type',
  'unauthenticated',
  'forbidden',
  'not_in_directory',
  'not_found',
  'unknown_member',
  'already_answered',
  'iteration_not_open',
  'invalid_transition',
  'iteration_not_draft',
  'iteration_is_draft',
  'iteration_changed',
  'iteration_exists',
  'iteration_not_started',
  'comments_not_released',
  'comment_already_hidden',
  'directory_changed',
  // A roster import that would remove many members, sent without confirming it.
  'roster_shrinks',
  // A staged roster import whose chunks or state do not allow the step asked.
  'roster_import_conflict',
  'idea_status_refused',
  'idea_changed',
  'convention_changed',
  // The iteration review: a draft saved meanwhile; nothing new to publish.
  'review_changed',
  'nothing_to_publish',
  'iteration_not_closed',
  'unavailable',
  'auth_unavailable',
  'misconfigured',
  'internal',
] as const;
export type TErrorCode = (typeof ERROR_CODES)[number];
