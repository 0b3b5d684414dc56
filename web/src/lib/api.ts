import { goto } from '$app/navigation';
import { ZApiError } from '@boucle/shared';
import type { z } from 'zod';
import { session, signOut } from './session.svelte';

/** An error the API answered with: its code, message and the fields that are wrong. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Calls the API with the session's token and parses the answer with its shared schema. */
export async function api<T extends z.ZodType>(
  path: string,
  schema: T,
  init: { method?: string; body?: unknown; csv?: string } = {},
): Promise<z.infer<T>> {
  const headers: Record<string, string> = {};
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.csv !== undefined) headers['content-type'] = 'text/csv';
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.csv ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection.');
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (response.status === 401 && session.token) {
      // The token expired or was revoked: back to the sign-in page.
      signOut();
      void goto('/signin');
    }
    const parsed = ZApiError.safeParse(payload);
    if (parsed.success) {
      const { code, message, fields } = parsed.data.error;
      throw new ApiError(response.status, code, message, fields);
    }
    throw new ApiError(response.status, 'unexpected', `Unexpected answer (${response.status})`);
  }
  return schema.parse(payload);
}
