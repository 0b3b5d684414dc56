import type { TRole } from './member.js';
import { withheldQuestion, type TResults } from './results.js';
import { POOLED } from './pooled.js';

/** An ambassador who is not also steering reads the aggregated results of their own team only. */
export function readsOwnTeamOnly(roles: readonly TRole[]): boolean {
  return roles.includes('ambassador') && !roles.includes('steering');
}

/**
 * What an ambassador who is not steering reads of an iteration: their own team's group, taken
 * from results computed `by: 'team'` — the very figures, withheld or not, the steering group
 * sees for that group, so the scope adds no view the gate did not pass. `team` is their team as
 * the disclosure segments froze it when the iteration opened (`*` when it was pooled: they see
 * the pooled group); null when they had no frozen segment: then nothing is shown.
 */
export function ambassadorResults(results: TResults, team: string | null): TResults {
  if (results.by !== 'team') throw new Error('ambassadorResults needs results by team');
  const group = team === null ? undefined : results.groups.find((g) => g.value === team);
  const scope = { dimension: 'team' as const, value: team, pooled: team === POOLED };
  const shown = group && !results.withheld && !group.withheld ? group : null;
  return {
    ...results,
    members: group?.members ?? 0,
    withheld: shown === null,
    respondents: shown?.respondents ?? null,
    participation: shown?.participation ?? null,
    // Days are counted for the whole organisation only: not the team's to read.
    byDay: [],
    questions: shown
      ? shown.questions
      : results.questions.map((q) => withheldQuestion({ id: q.questionId, type: q.type })),
    by: null,
    groups: [],
    scope,
  };
}
