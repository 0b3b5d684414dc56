import { ZApiError } from '@boucle/shared';
import { ApiError } from './api';
import { signOut, tokenOf } from './session';

/**
 * Downloads an API export (`?format=csv`). The token is a bearer header, so a plain link cannot
 * carry it: the file is fetched, then handed to the browser as an object URL.
 */
export async function downloadCsv(path: string, fileName: string): Promise<void> {
  const headers: Record<string, string> = { accept: 'text/csv' };
  const token = tokenOf();
  if (token) headers.authorization = `Bearer ${token}`;
  const separator = path.includes('?') ? '&' : '?';
  let response: Response;
  try {
    response = await fetch(`/api${path}${separator}format=csv`, { headers });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached');
  }
  if (!response.ok) {
    if (response.status === 401) signOut();
    const refusal = ZApiError.safeParse(await response.json().catch(() => null)).data?.error;
    throw refusal
      ? new ApiError(response.status, refusal.code, refusal.message)
      : new ApiError(response.status, 'unexpected', `Unexpected answer (${response.status})`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the file over; the URL only holds memory from now on.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
