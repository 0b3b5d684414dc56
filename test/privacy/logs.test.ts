/**
 * What the functions log never says who answered what: the loop of a pulse, ideas, votes and
 * comments, with refusals, run with logging at its most verbose, and every
 * line written checked for any member's email or name, an answer's text, an anonymous author.
 */
import type { TMember } from '@boucle/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Before the app (and its logger) is imported: the level is read when the module loads.
process.env.LOG_LEVEL = 'DEBUG';

const roster: TMember[] = Array.from({ length: 12 }, (_, i) => ({
  email: `person${i}@privacy.example`,
  name: `Person Number${i}`,
  team: i % 2 ? 'Alpha' : 'Beta',
  site: 'Paris',
  trainingLevel: 'beginner',
  ambassador: i < 3,
  role: i === 0 ? 'steering' : 'employee',
}));
const ANSWER_TEXT = 'my-manager-never-listens';
const IDEA_TEXT = 'anonymous-idea-about-the-canteen';
const COMMENT_TEXT = 'anonymous-comment-on-it';

const written: string[] = [];
beforeAll(() => {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation((chunk, ...rest) => {
      written.push(String(chunk));
      return write(chunk, ...(rest as []));
    });
  }
});
afterAll(() => vi.restoreAllMocks());

describe('logs at debug level', { timeout: 300_000 }, () => {
  it('hold no member, no answer and no anonymous author, whatever happened', async () => {
    const { attackedApp } = await import('./attacked-app.js');
    const { metrics } = await import('@boucle/functions/observability');
    const attacked = await attackedApp(roster, '2026-11-16');
    const answers = (i: number) => ({
      usefulness: 1 + (i % 5),
      'ease-of-use': 3,
      frequency: 'weekly',
      enps: 8,
      'training-need': 'none',
      comment: `${ANSWER_TEXT}-${i}`,
    });
    for (const [i, member] of roster.entries()) await attacked.answer(member, answers(i));
    const [first, second] = roster as [TMember, TMember];
    // Refusals: answering twice, a bad answer, a route refused to an employee.
    expect(
      (await attacked.call(first, 'POST', '/api/pulses/pulse-1/responses', { answers: answers(0) }))
        .status,
    ).toBe(409);
    expect(
      (
        await attacked.call(second, 'POST', '/api/pulses/pulse-1/responses', {
          answers: { enps: 'high' },
        })
      ).status,
    ).toBe(400);
    expect(
      (await attacked.call(roster[5] as TMember, 'GET', '/api/iterations/1/results')).status,
    ).toBe(403);
    // An anonymous idea, votes, an anonymous comment.
    const idea = await attacked.call(second, 'POST', '/api/ideas', {
      title: IDEA_TEXT,
      description: IDEA_TEXT,
      category: 'other',
      anonymous: true,
    });
    expect(idea.status).toBe(201);
    const { id } = (await idea.json()) as { id: string };
    for (const member of roster.slice(2, 8)) {
      expect((await attacked.call(member, 'PUT', `/api/ideas/${id}/vote`)).status).toBe(200);
    }
    expect(
      (
        await attacked.call(roster[3] as TMember, 'POST', `/api/ideas/${id}/comments`, {
          text: COMMENT_TEXT,
          anonymous: true,
        })
      ).status,
    ).toBe(201);
    metrics.publishStoredMetrics();
    await attacked.read('/api/iterations/1/results');

    const logs = written.join('');
    expect(logs).toContain('request refused'); // the suite did log: it reads something real
    for (const member of roster) {
      expect(logs).not.toContain(member.email);
      expect(logs).not.toContain(member.name);
    }
    for (const secret of [ANSWER_TEXT, IDEA_TEXT, COMMENT_TEXT]) expect(logs).not.toContain(secret);
  });
});
