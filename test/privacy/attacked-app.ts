import {
  demoAnswers,
  demoIterations,
  demoMembers,
  type TDemoIteration,
} from '@boucle/functions/local/demo-organisation';
import { localApp } from '../integration/local-app.js';
import {
  defaultPulseTemplate,
  seededRandom,
  ZResults,
  ZSegmentDimension,
  type TMember,
  type TResults,
} from '@boucle/shared';

export const K = 5;

/** One iteration of the demo's story, to answer as its members would. */
export function storyOf(index: number): TDemoIteration {
  const story = demoIterations[index];
  if (!story) throw new Error(`no demo iteration ${index}`);
  return story;
}

/**
 * The real app on a fresh table of DynamoDB Local, with a clock the attacker's test moves, and
 * one open iteration of the default pulse over the given roster.
 */
export async function attackedApp(roster: readonly TMember[], firstDay: string) {
  const clock = { now: new Date(`${firstDay}T09:00:00Z`) };
  const { deps, call } = await localApp(4, clock);
  const steering = roster.find((member) => member.role === 'steering');
  if (!steering) throw new Error('the roster needs a steering member');
  await deps.directory.replace(roster, clock.now);
  for (const [method, path, body, status] of [
    [
      'POST',
      '/api/iterations',
      { name: 'Attacked', startDate: firstDay, endDate: firstDay, goals: [] },
      201,
    ],
    ['PUT', '/api/iterations/1/pulse', defaultPulseTemplate, 200],
    ['POST', '/api/iterations/1/open', undefined, 200],
  ] as const) {
    const response = await call(steering, method, path, body);
    if (response.status !== status) throw new Error(`${method} ${path}: ${response.status}`);
  }

  /** Every view the steering group can read now: overall and each breakdown. */
  const readEveryView = async (): Promise<TResults[]> =>
    Promise.all(
      [null, ...ZSegmentDimension.options].map(async (by) => {
        const response = await call(
          steering,
          'GET',
          `/api/iterations/1/results${by ? `?by=${by}` : ''}`,
        );
        if (response.status !== 200) throw new Error(`results: ${response.status}`);
        return ZResults.parse(await response.json());
      }),
    );
  /** What the steering group reads at `path` (JSON), refused reads failing the test. */
  const read = async (path: string): Promise<unknown> => {
    const response = await call(steering, 'GET', path);
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    return response.json();
  };
  const answer = async (member: TMember, answers: Record<string, unknown>) => {
    const response = await call(member, 'POST', '/api/pulses/pulse-1/responses', { answers });
    if (response.status !== 201) throw new Error(`answer: ${response.status}`);
  };
  return {
    deps,
    clock,
    steering,
    /** Any request as any member of the roster (an ambassador's reads, an employee's refusals). */
    call,
    readEveryView,
    read,
    answer,
    close: () => call(steering, 'POST', '/api/iterations/1/close'),
  };
}

export type TAttackedApp = Awaited<ReturnType<typeof attackedApp>>;

/**
 * A 60-member roster answering the demo's story in batches: `check` reads the views after each
 * batch while answers come in, then once after closing (the final release withholds late
 * groups). Returns what each check counted, the final one apart.
 */
export async function checkWhileAnswersComeIn<T>(
  seed: number,
  check: (attacked: TAttackedApp) => Promise<T>,
): Promise<{ whileOpen: T[]; final: T }> {
  const roster = demoMembers(60);
  const attacked = await attackedApp(roster, '2026-11-16');
  const random = seededRandom(seed);
  const story = storyOf(1);
  const waiting = roster.slice(2);
  const whileOpen: T[] = [];
  for (const batch of [K + 2, 9, 14, 3]) {
    for (const member of waiting.splice(0, batch)) {
      await attacked.answer(member, demoAnswers(member, story, random));
    }
    whileOpen.push(await check(attacked));
  }
  await attacked.close();
  return { whileOpen, final: await check(attacked) };
}
