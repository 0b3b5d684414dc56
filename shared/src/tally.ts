import type { TPulse } from './pulse.js';
import type { TAnswers } from './response.js';

/**
 * A tally is a bag of counters for one group of respondents, so results never read responses:
 * `n` respondents, `a:<question>` answers to a question, `v:<question>:<value>` answers with
 * that value (each ticked option of a multiple choice), `d:<day>` responses of that day.
 */
export type TTally = Record<string, number>;

export const RESPONDENTS = 'n';
export const answeredCounter = (questionId: string): string => `a:${questionId}`;
export const valueCounter = (questionId: string, value: string | number): string =>
  `v:${questionId}:${value}`;
export const dayCounter = (day: string): string => `d:${day}`;

/** The counters one response adds to every group it belongs to. Free text adds only its count. */
export function tallyOfResponse(pulse: Pick<TPulse, 'questions'>, answers: TAnswers): TTally {
  const tally: TTally = { [RESPONDENTS]: 1 };
  for (const question of pulse.questions) {
    const value = answers[question.id];
    if (value === undefined) continue;
    tally[answeredCounter(question.id)] = 1;
    if (question.type === 'text') continue;
    for (const each of Array.isArray(value) ? value : [value]) {
      tally[valueCounter(question.id, each)] = 1;
    }
  }
  return tally;
}

export function addTallies(...tallies: readonly TTally[]): TTally {
  const sum: TTally = {};
  for (const tally of tallies) {
    for (const [counter, count] of Object.entries(tally)) {
      sum[counter] = (sum[counter] ?? 0) + count;
    }
  }
  return sum;
}

export function respondentsIn(tally: TTally): number {
  return tally[RESPONDENTS] ?? 0;
}

/** Responses per day, oldest first. */
export function responsesByDay(tally: TTally): { day: string; responses: number }[] {
  return Object.entries(tally)
    .filter(([counter]) => counter.startsWith('d:'))
    .map(([counter, responses]) => ({ day: counter.slice(2), responses }))
    .sort((a, b) => a.day.localeCompare(b.day));
}
