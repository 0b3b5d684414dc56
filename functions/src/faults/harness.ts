/** The app over the fake table, and how the fault and property suites send their requests. */
import type { TMember } from '@boucle/shared';
import { mockedApp } from '../testing/mocked-app.js';
import { fakeTable, type TStoredItem } from './fake-table.js';
import { happyItems, type THappyRequest } from './happy-requests.js';

/** The organisation's iterations are 4 (closed), 5 (open) and 6 (draft). */
const MAX_HAPPY_ITERATION = 6;

export type TFaultApp = Awaited<ReturnType<typeof faultApp>>;

export async function faultApp() {
  const mocked = await mockedApp([]);
  /** A fresh table holding the organisation, less the items a happy path needs gone. */
  const tableFor = (request: Pick<THappyRequest, 'without'>) => {
    const without = new Set(request.without ?? []);
    const items = happyItems().filter((item: TStoredItem) => !without.has(`${item.pk}|${item.sk}`));
    // A fresh table as a fresh process meets it: nothing of its iterations cached yet.
    for (let iterationId = 1; iterationId <= MAX_HAPPY_ITERATION; iterationId++) {
      mocked.deps.openIterations.evict(iterationId);
    }
    return fakeTable(mocked.dynamo, items);
  };
  // Signed once per member: thousands of requests, and signing is the slow part of each.
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (member: TMember) => {
    const token = tokens.get(member.email) ?? mocked.tokenFor(member);
    tokens.set(member.email, token);
    return token;
  };
  const send = async (
    member: TMember | null,
    method: string,
    path: string,
    { body, contentType = 'application/json' }: { body?: unknown; contentType?: string } = {},
  ) => {
    const headers: Record<string, string> = { 'content-type': contentType };
    if (member) headers.authorization = `Bearer ${await tokenOf(member)}`;
    return mocked.app.request(path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  };
  return { tableFor, send };
}
