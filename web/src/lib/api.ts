import { invalidateAll } from '$app/navigation';
import { ERROR_CODES, type TApiError, type TErrorCode } from '@boucle/shared';
import { signOut, tokenOf } from './session';

/** Why a call failed: one of the API's codes, or no usable answer at all. */
export type TProblemCode = TErrorCode | 'network' | 'unexpected';

/** A call that failed: its code (what the member is told), status and the fields that are wrong. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: TProblemCode,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** How a call reads its answer: a shared schema (zod's `safeParse`), or `typedAs`. */
export type TAnswerReader<T> = {
  safeParse(
    payload: unknown,
  ): { success: true; data: T } | { success: false; error: { message: string } };
};

/**
 * An answer taken as the shared type says, without its schema: for the pages that must not load
 * zod (the pulse, ADR 0026). The API's handlers are type-checked against the same schemas and
 * ship with this app; only an answer that is not a JSON object (a proxy's page) is unexpected.
 */
export function typedAs<T extends object>(): TAnswerReader<T> {
  return {
    safeParse: (payload) =>
      typeof payload === 'object' && payload !== null
        ? { success: true, data: payload as T }
        : { success: false, error: { message: 'Not a JSON object' } },
  };
}

/**
 * Calls the API with the session's token and reads the answer, with its shared schema or as its
 * type. Loads pass their own `fetch`, so SvelteKit knows what they depend on.
 */
export async function api<T>(
  path: string,
  reader: TAnswerReader<T>,
  init: { method?: string; body?: unknown; csv?: string; fetch?: typeof fetch } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  const token = tokenOf();
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.csv !== undefined) headers['content-type'] = 'text/csv';
  let response: Response;
  try {
    response = await (init.fetch ?? fetch)(`/api${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.csv ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached');
  }
  if (!response.ok) throw await failureOf(response);
  const payload: unknown = await response.json().catch(() => null);
  const parsed = reader.safeParse(payload);
  if (!parsed.success) throw new ApiError(response.status, 'unexpected', parsed.error.message);
  return parsed.data;
}

/** The API's refusal as an error, from its JSON body; an ended session is forgotten. */
export async function failureOf(response: Response): Promise<ApiError> {
  // The token expired or was revoked: forget it, and the layout's guard sends to sign-in.
  if (response.status === 401) signOut();
  const body: unknown = await response.json().catch(() => null);
  if (!isApiError(body))
    return new ApiError(response.status, 'unexpected', `Unexpected answer (${response.status})`);
  const { code, message, fields } = body.error;
  return new ApiError(response.status, code, message, fields);
}

/**
 * Whether a refusal is the API's own. Checked, unlike answers: a refusal may come from whatever
 * stands in front of the API (a gateway, a CDN), and its code picks what the member reads.
 */
function isApiError(body: unknown): body is TApiError {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const { error } = body;
  if (typeof error !== 'object' || error === null) return false;
  if (!('code' in error) || !ERROR_CODES.some((code) => code === error.code)) return false;
  if (!('message' in error) || typeof error.message !== 'string') return false;
  if (!('fields' in error) || error.fields === undefined) return true;
  const { fields } = error;
  return (
    typeof fields === 'object' &&
    fields !== null &&
    !Array.isArray(fields) &&
    Object.values(fields).every((problem) => typeof problem === 'string')
  );
}

/** Why a change failed, for the page to show; an ended session goes back to sign-in first. */
export async function problemOf(cause: unknown): Promise<ApiError> {
  // Anything but an API answer is a bug of ours: logged, not only shown as "unexpected".
  if (!(cause instanceof ApiError)) console.error(cause);
  const problem = cause instanceof ApiError ? cause : new ApiError(0, 'unexpected', String(cause));
  // The token is gone by now, so running the loads again makes the layout redirect.
  if (problem.status === 401) await invalidateAll();
  return problem;
}
