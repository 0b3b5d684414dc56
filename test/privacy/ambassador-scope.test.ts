import { ZResults, ZTrends, type TMember } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { attackedApp } from './attacked-app.js';

/** Three teams of 12, half of them ambassadors (so no segment is pooled), and a steering member. */
const roster: TMember[] = ['Alpha', 'Beta', 'Gamma'].flatMap((team) =>
  Array.from({ length: 12 }, (_, i) => ({
    email: `${team.toLowerCase()}${i}@example.com`,
    name: `${team} ${i}`,
    team,
    site: 'Paris',
    trainingLevel: 'beginner',
    ambassador: i < 6,
    role: i === 11 && team === 'Alpha' ? 'steering' : 'employee',
  })),
);
const member = (email: string): TMember => {
  const found = roster.find((m) => m.email === email);
  if (!found) throw new Error(`no member ${email}`);
  return found;
};
const alphaAmbassador = member('alpha0@example.com');
const betaAmbassador = member('beta0@example.com');
const gammaAmbassador = member('gamma0@example.com');
const employee = member('alpha7@example.com');

const answers = (usefulness: number) => ({
  usefulness,
  'ease-of-use': 3,
  frequency: 'weekly',
  enps: 8,
  'training-need': 'none',
});

// Over a hundred DynamoDB Local calls: generous at load.
describe('an ambassador reads their own team only', { timeout: 300_000 }, () => {
  it('never another team, a withheld team stays withheld for its own, employees are refused', async () => {
    const attacked = await attackedApp(roster, '2026-11-16');
    const read = async (who: TMember, path: string) => {
      const response = await attacked.call(who, 'GET', path);
      return { status: response.status, body: await response.json() };
    };
    const membersOf = (name: string, from: number, to: number) =>
      roster.filter((m) => m.team === name).slice(from, to);
    const answerAll = async (members: TMember[]) => {
      for (const [i, one] of members.entries()) await attacked.answer(one, answers(1 + (i % 5)));
    };
    // A first release shows every team (6, 8 and 5 respondents; 12 ambassadors, 7 others).
    await answerAll([
      ...membersOf('Alpha', 0, 6),
      ...membersOf('Beta', 0, 8),
      ...membersOf('Gamma', 6, 11),
    ]);
    expect((await read(attacked.steering, '/api/iterations/1/results')).status).toBe(200);
    // Late answers: Gamma moves by 2 (isolates), so the final release withholds it, and Alpha
    // (+5) with it, since the overall difference minus Alpha's would be Gamma's.
    await answerAll([...membersOf('Alpha', 6, 11), ...membersOf('Gamma', 0, 2)]);
    // Beta's ambassador moves to Gamma after opening: the frozen team is what counts.
    await attacked.deps.directory.replace(
      roster.map((m) => (m === betaAmbassador ? { ...m, team: 'Gamma' } : m)),
      attacked.clock.now,
    );
    expect((await attacked.close()).status).toBe(200);

    const steeringView = ZResults.parse(
      (await read(attacked.steering, '/api/iterations/1/results?by=team')).body,
    );
    const group = (team: string) => steeringView.groups.find((g) => g.value === team);
    expect([group('Alpha')?.withheld, group('Beta')?.withheld, group('Gamma')?.withheld]).toEqual([
      true,
      false,
      true,
    ]);

    // Beta's ambassador: Beta's figures exactly as steering sees them, no other team's.
    const beta = ZResults.parse((await read(betaAmbassador, '/api/iterations/1/results')).body);
    expect(beta.scope).toEqual({ dimension: 'team', value: 'Beta', pooled: false });
    expect(beta.respondents).toBe(8);
    expect(beta.questions).toEqual(group('Beta')?.questions);
    expect(beta.groups).toEqual([]);
    expect(beta.byDay).toEqual([]);
    const betaTrends = (await read(betaAmbassador, '/api/trends')).body;
    const trends = ZTrends.parse(betaTrends);
    expect(trends.groups).toEqual([]);
    expect(trends.overall.find((s) => s.key === 'participation')?.points[0]?.n).toBe(12);
    for (const text of [JSON.stringify(beta), JSON.stringify(betaTrends)]) {
      expect(text).not.toMatch(/Alpha|Gamma/);
    }

    // Alpha and Gamma stay withheld for their own ambassadors, with no figure at all.
    for (const [ambassador, team] of [
      [alphaAmbassador, 'Alpha'],
      [gammaAmbassador, 'Gamma'],
    ] as const) {
      const own = ZResults.parse((await read(ambassador, '/api/iterations/1/results')).body);
      expect(own).toMatchObject({ withheld: true, respondents: null, participation: null });
      expect(own.scope?.value).toBe(team);
      expect(own.questions.every((q) => q.withheld && q.distribution.length === 0)).toBe(true);
      const ownTrends = ZTrends.parse((await read(ambassador, '/api/trends')).body);
      expect(ownTrends.overall.every((s) => s.points.every((p) => p.value === null))).toBe(true);
    }

    // No breakdown for an ambassador, nothing for an employee.
    const breakdown = await read(betaAmbassador, '/api/trends?by=team');
    expect(breakdown.status).toBe(403);
    expect(breakdown.body.error.fields).toHaveProperty('by');
    expect((await read(employee, '/api/iterations/1/results')).status).toBe(403);
    expect((await read(employee, '/api/trends')).status).toBe(403);
  });
});
