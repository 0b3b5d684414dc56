/**
 * Fault injection at every DynamoDB call of every route: each route's happy request is sent once
 * to record its calls, then again with call i failing, for every i and every kind of fault
 * DynamoDB or the network gives. The answer is a 503 with `Retry-After` or a 409, never a 500 nor
 * a success that hides the failure (a success only if the app sent the failed call again), and
 * nothing is written once the app knows a call failed, except that same write again.
 */
import {
  InternalServerError,
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { apiRoutes, type TApiRoute } from '../api/routes.js';
import { asksAgain, type TCall } from './fake-table.js';
import { faultApp } from './harness.js';
import { HAPPY_REQUESTS, routeName, type THappyRequest } from './happy-requests.js';

const named = (name: string, message: string, code?: string) =>
  Object.assign(new Error(message), { name, ...(code ? { code } : {}) });

/** What DynamoDB and the network throw, each as the SDK hands it over after its own retries. */
const FAULTS: Record<string, (call: TCall) => Error> = {
  'provisioned throughput exceeded': () =>
    new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} }),
  throttling: () => named('ThrottlingException', 'Rate of requests exceeds the allowed throughput'),
  timeout: () => named('TimeoutError', 'Connection timed out after 1000 ms', 'ETIMEDOUT'),
  'socket hang up': () => named('Error', 'socket hang up', 'ECONNRESET'),
  'connection timed out': () => named('Error', 'connect ETIMEDOUT 52.94.0.1:443', 'ETIMEDOUT'),
  'internal server error': () =>
    new InternalServerError({ message: 'Internal server error', $metadata: {} }),
  'transaction conflict': (call) =>
    new TransactionCanceledException({
      message: 'Transaction cancelled, please refer cancellation reasons for specific reasons',
      $metadata: {},
      // The first item collided with another transaction; the others were fine.
      CancellationReasons: ((call.input as TransactWriteCommandInput).TransactItems ?? []).map(
        (_, index) => ({ Code: index === 0 ? 'TransactionConflict' : 'None' }),
      ),
    }),
};
/** A transaction's cancellation only comes from a transaction. */
const faultsFor = (call: TCall) =>
  Object.keys(FAULTS).filter(
    (fault) => fault !== 'transaction conflict' || call.command === 'TransactWrite',
  );

/**
 * A release is whole in one conditional Put, numbered so it is never made twice, and any later
 * read would make the same one: a parallel branch already under way (trends reads every
 * iteration at once) may still make it after a sibling failed. No other write may.
 */
const isRelease = (call: TCall) =>
  call.command === 'Put' &&
  String((call.input as { Item?: { pk?: unknown } }).Item?.pk).startsWith('RELEASE#');

const app = await faultApp();

/** Each route's happy request, answered 2xx, and the calls it made in order. */
const recorded: { route: TApiRoute; happy: THappyRequest; status: number; calls: TCall[] }[] = [];
for (const route of apiRoutes) {
  const happy = HAPPY_REQUESTS[routeName(route)];
  if (!happy) continue;
  const table = app.tableFor(happy);
  const answer = await app.send(happy.member, route.method.toUpperCase(), happy.path, happy);
  recorded.push({ route, happy, status: answer.status, calls: [...table.calls] });
}

describe('the happy requests', () => {
  it('cover every route of the route list and succeed', () => {
    expect(recorded.map(({ route }) => routeName(route))).toEqual(apiRoutes.map(routeName));
    for (const { route, status } of recorded) {
      expect({ route: routeName(route), status }).toEqual({
        route: routeName(route),
        status: expect.toSatisfy((value: number) => value >= 200 && value < 300),
      });
    }
  });
});

const cases = recorded.flatMap(({ route, happy, calls }) =>
  calls.flatMap((call, index) =>
    faultsFor(call).map((fault) => ({
      name: `${routeName(route)} × call ${index + 1}/${calls.length} (${call.command}) × ${fault}`,
      route,
      happy,
      at: index + 1,
      fault,
    })),
  ),
);

describe('a DynamoDB call that fails', () => {
  // Named by route × call × fault; `it` rather than `it.each`, whose titles cut at 40 characters.
  for (const { name, route, happy, at, fault } of cases)
    it(name, async () => {
      const table = app.tableFor(happy);
      table.inject({ at, error: FAULTS[fault] as (call: TCall) => Error });
      const answer = await app.send(happy.member, route.method.toUpperCase(), happy.path, happy);
      const failed = table.calls[at - 1];
      const sentAgain = table.calls
        .slice(at)
        .some((call) => failed !== undefined && asksAgain(failed, call));

      if (answer.status < 300) {
        // A success is true only if the failed call was made again (and succeeded).
        expect(sentAgain, 'a success although the failed call was never made again').toBe(true);
      } else {
        expect([409, 503]).toContain(answer.status);
        const body = (await answer.json()) as { error?: { code?: string; message?: string } };
        expect(body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        if (answer.status === 503) expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
      }
      const laterWrites = table
        .writesAfterFailure()
        .filter((call) => !(failed !== undefined && asksAgain(failed, call)) && !isRelease(call));
      expect(laterWrites.map((call) => call.command)).toEqual([]);
    });
});
