import { ApiError, failureOf } from './api';
import { tokenOf } from './session';

/**
 * Downloads an API export: the read at `path` with `format=csv`. The token is a bearer header,
 * so a plain link cannot carry it: the file is fetched, then handed to the browser as an object
 * URL.
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
  if (!response.ok) throw await failureOf(response);
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
