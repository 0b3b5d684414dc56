/**
 * Properties over every route of the route list, fast-check generating its path parameters,
 * query and body from the happy request: whatever comes in, no 5xx; every refusal is
 * `{error: {code, message, fields?}}` and a 400 names a field; a refused request wrote nothing
 * (the table only changes by writes, and the fake records every one).
 */
import { ZApiError } from '@boucle/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiRoutes, type TApiRoute } from '../api/routes.js';
import { isWrite } from './fake-table.js';
import { faultApp } from './harness.js';
import { HAPPY_REQUESTS, routeName, type THappyRequest } from './happy-requests.js';
import { junkText, spoiled } from './junk.js';

/** Runs per route: enough to meet each kind of junk, few enough to stay fast on a loaded machine. */
const RUNS_PER_ROUTE = 40;

const app = await faultApp();

/** The happy path with each `{param}` replaced by junk (encoded, as a client would send it). */
function pathArbitrary(route: TApiRoute, happy: THappyRequest): fc.Arbitrary<string> {
  const [happyPath = '', happyQuery] = happy.path.split('?');
  const template = route.path.split('/');
  const segments = happyPath
    .split('/')
    .map((segment, index) =>
      template[index]?.startsWith('{')
        ? fc.oneof(
            fc.constant(segment),
            junkText.map(encoded),
            fc.constantFrom('%', '%E0%A4%A', '%ED%A0%80'),
          )
        : fc.constant(segment),
    );
  const declared = Object.keys(
    (route as { request?: { query?: { shape?: object } } }).request?.query?.shape ?? {},
  );
  const query = fc.dictionary(
    fc.oneof(fc.constantFrom(...declared, 'format', 'by'), fc.string({ maxLength: 10 })),
    junkText,
    { maxKeys: 3 },
  );
  return fc
    .tuple(fc.tuple(...segments), fc.oneof(fc.constant(null), query))
    .map(
      ([parts, params]) =>
        `${parts.join('/')}?${params === null ? (happyQuery ?? '') : new URLSearchParams(params as Record<string, string>)}`,
    );
}

/** As a client encodes it; a lone surrogate as the bytes a sloppy client would send for it. */
function encoded(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

/** JSON routes get spoiled JSON or text that is not JSON; the roster any text at all. */
function bodyArbitrary(route: TApiRoute, happy: THappyRequest): fc.Arbitrary<unknown> {
  if (route.method === 'get') return fc.constant(undefined);
  if (happy.contentType === 'text/csv') return fc.oneof(junkText, fc.constant(String(happy.body)));
  if (happy.body === undefined) return fc.oneof(fc.constant(undefined), spoiled({}));
  return fc.oneof(
    spoiled(happy.body),
    junkText.map((text) => `{"not json": ${text}`),
  );
}

describe.each(apiRoutes.map((route) => ({ name: routeName(route), route })))(
  '$name with anything in its path, query and body',
  ({ name, route }) => {
    it('never answers 5xx; refuses with the error shape, naming a field on 400, writing nothing', async () => {
      const happy = HAPPY_REQUESTS[name];
      expect(happy, `no happy request for ${name}`).toBeDefined();
      if (!happy) return;
      await fc.assert(
        fc.asyncProperty(
          pathArbitrary(route, happy),
          bodyArbitrary(route, happy),
          async (path, body) => {
            const table = app.tableFor(happy);
            const answer = await app.send(happy.member, route.method.toUpperCase(), path, {
              body,
              contentType: happy.contentType ?? 'application/json',
            });
            expect(answer.status).toBeLessThan(500);
            if (answer.status < 400) return;
            const refusal = ZApiError.strict().parse(await answer.json());
            if (answer.status === 400)
              expect(Object.keys(refusal.error.fields ?? {})).not.toEqual([]);
            expect(table.calls.filter((call) => isWrite(call.command))).toEqual([]);
          },
        ),
        { numRuns: RUNS_PER_ROUTE },
      );
      // Generous: the OpenAPI document is built per request, slow on a loaded machine.
    }, 120_000);
  },
);
