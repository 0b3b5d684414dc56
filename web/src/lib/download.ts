import { ApiError, failureOf } from './api';
import { tokenOf } from './session';

/**
 * Saves an export of the API as a file. A plain link cannot carry the session's bearer token,
 * so the file is fetched with it and handed to the browser as an object URL.
 */
export async function downloadCsv(path: string, fileName: string): Promise<void> {
  const token = tokenOf();
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
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
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
