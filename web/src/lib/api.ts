import { invalidateAll } from '$app/navigation';
import { ZApiError, type TErrorCode } from '@boucle/shared';
import type { z } from 'zod';
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

/**
 * Calls the API with the session's token and parses the answer with its shared schema. Loads
 * pass their own `fetch`, so SvelteKit knows what they depend on.
 */
export async function api<T extends z.ZodType>(
  path: string,
  schema: T,
  init: { method?: string; body?: unknown; csv?: string; fetch?: typeof fetch } = {},
): Promise<z.infer<T>> {
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
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new ApiError(response.status, 'unexpected', parsed.error.message);
  return parsed.data;
}

/** The API's refusal as an error, from its JSON body; an ended session is forgotten. */
export async function failureOf(response: Response): Promise<ApiError> {
  // The token expired or was revoked: forget it, and the layout's guard sends to sign-in.
  if (response.status === 401) signOut();
  const parsed = ZApiError.safeParse(await response.json().catch(() => null));
  if (!parsed.success)
    return new ApiError(response.status, 'unexpected', `Unexpected answer (${response.status})`);
  const { code, message, fields } = parsed.data.error;
  return new ApiError(response.status, code, message, fields);
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
