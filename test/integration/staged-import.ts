import { rosterChunks, ZRosterImport, type TMember, type TRosterImport } from '@boucle/shared';

export type TSend = (method: string, path: string, body?: unknown) => Response | Promise<Response>;

/** One request of an import as sent: how long its answer took, how large its body was. */
export type TSent = { path: string; status: number; ms: number; bytes: number };

/**
 * A roster sent as the web page sends it: start, every chunk by email order, complete (again
 * while `switched`). Throws on an answer other than expected, with its body.
 */
export async function stagedImport(
  send: TSend,
  members: readonly TMember[],
  { confirmRemoval = false } = {},
): Promise<{ job: TRosterImport; sent: TSent[] }> {
  const sent: TSent[] = [];
  const timed = async (method: string, path: string, body?: unknown) => {
    const bytes = body === undefined ? 0 : Buffer.byteLength(JSON.stringify(body));
    const began = performance.now();
    const response = await send(method, path, body);
    const text = await response.text();
    sent.push({ path, status: response.status, ms: performance.now() - began, bytes });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return ZRosterImport.parse(JSON.parse(text));
  };
  let job = await timed('POST', '/api/roster/imports', { members: members.length });
  const chunks = rosterChunks(members, job.chunkSize);
  for (const [index, chunk] of chunks.entries()) {
    job = await timed('PUT', `/api/roster/imports/${job.id}/chunks/${index + 1}`, {
      members: chunk,
    });
  }
  const complete = `/api/roster/imports/${job.id}/complete${confirmRemoval ? '?confirmRemoval=true' : ''}`;
  do job = await timed('POST', complete);
  while (job.state === 'switched');
  return { job, sent };
}
