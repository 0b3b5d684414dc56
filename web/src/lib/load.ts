import { error, redirect } from '@sveltejs/kit';
import type { TMe } from '@boucle/shared';
import { ApiError } from './api';

/** A failed call in a load: back to sign-in when the session ended, otherwise the error page. */
export function failLoad(cause: unknown): never {
  if (!(cause instanceof ApiError)) throw cause;
  if (cause.status === 401) redirect(307, '/signin');
  // No answer at all (status 0) is the service being unavailable to this browser.
  const status = cause.status >= 400 && cause.status <= 599 ? cause.status : 503;
  error(status, { message: cause.message, code: cause.code });
}

/** A call whose "not found" is an expected empty state rather than an error. */
export function noneIfNotFound(cause: unknown): null {
  if (cause instanceof ApiError && cause.code === 'not_found') return null;
  return failLoad(cause);
}

/** What the layout learnt about who is signed in (see routes/+layout.ts). */
export type TSignedIn = { me: TMe | null; problem: ApiError | null };

/** The signed-in member for a page that needs one, or the error page saying why not. */
export function requireMember({ me, problem }: TSignedIn): TMe {
  if (me) return me;
  return failLoad(problem ?? new ApiError(401, 'unauthenticated', 'Not signed in'));
}
