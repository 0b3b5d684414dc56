import { defaultPulseTemplate, pulseIdOf, type TIteration } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import type { TIterationWithPulse } from '../repositories/iterations.js';
import { OpenIterations } from './open-iterations.js';

const iterationIn = (status: TIteration['status']): TIterationWithPulse => ({
  iteration: {
    id: 3,
    name: 'Iteration 3',
    startDate: '2026-11-16',
    endDate: '2026-12-11',
    goals: [],
    status,
    pulseId: pulseIdOf(3),
    headcount: null,
    openedAt: null,
    closedAt: null,
    reviewedAt: null,
  },
  pulse: { id: pulseIdOf(3), iterationId: 3, ...defaultPulseTemplate },
  disclosureFreeze: status === 'draft' ? null : 'freeze-3',
});

/** A repository whose iteration 3 is in the given state, counting reads. */
function repository(status: { now: TIteration['status'] | null }) {
  const reads = { count: 0 };
  return {
    reads,
    get: async (id: number) => {
      reads.count++;
      await new Promise((resolve) => setImmediate(resolve));
      return id === 3 && status.now ? iterationIn(status.now) : null;
    },
  };
}

describe('OpenIterations', () => {
  it('reads an open iteration once, however many answers ask at once or after', async () => {
    const status = { now: 'open' as TIteration['status'] | null };
    const iterations = repository(status);
    const cache = new OpenIterations(iterations);
    const first = await Promise.all(Array.from({ length: 50 }, () => cache.facts(3)));
    expect(first[0]).toEqual({
      iterationId: 3,
      state: 'open',
      pulse: expect.objectContaining({ id: 'pulse-3' }),
      disclosureFreeze: 'freeze-3',
    });
    await cache.facts(3);
    expect(iterations.reads.count).toBe(1);
  });

  it('reads again once evicted (an answer found the tallies closed)', async () => {
    const status = { now: 'open' as TIteration['status'] | null };
    const iterations = repository(status);
    const cache = new OpenIterations(iterations);
    await cache.facts(3);
    status.now = 'closed';
    expect((await cache.facts(3))?.state).toBe('open');
    cache.evict(3);
    expect((await cache.facts(3))?.state).toBe('ended');
    // Ended is for good: no more reads.
    await cache.facts(3);
    expect(iterations.reads.count).toBe(2);
  });

  it('keeps neither a draft nor a missing iteration: either may open any time', async () => {
    const status = { now: 'draft' as TIteration['status'] | null };
    const iterations = repository(status);
    const cache = new OpenIterations(iterations);
    expect((await cache.facts(3))?.state).toBe('draft');
    status.now = 'open';
    expect((await cache.facts(3))?.state).toBe('open');
    expect(await cache.facts(4)).toBeNull();
    expect(await cache.facts(4)).toBeNull();
    expect(iterations.reads.count).toBe(4);
  });

  it('forgets a read that failed', async () => {
    let fail = true;
    const cache = new OpenIterations({
      get: async () => {
        if (fail) throw new Error('timeout');
        return iterationIn('open');
      },
    });
    await expect(cache.facts(3)).rejects.toThrow('timeout');
    fail = false;
    expect((await cache.facts(3))?.state).toBe('open');
  });
});
