import type { TPulse } from '@boucle/shared';
import type { IterationsRepository } from '../repositories/iterations.js';

/**
 * What an answer or a vote needs of its iteration and what never changes once it has opened:
 * its pulse (questions included) and which freeze of the members' segments it reads. `state`
 * is as it was when read: an iteration that has ended never opens again, so that is kept for
 * good, while an open one may close meanwhile — an answer's transaction is then refused by the
 * closed tally items and the entry evicted.
 */
export type TIterationFacts = {
  iterationId: number;
  state: 'draft' | 'open' | 'ended';
  pulse: TPulse | null;
  disclosureFreeze: string | null;
};

/**
 * The per-process cache of those facts, by iteration (a pulse is its iteration's: `pulse-<id>`),
 * so a burst of answers reads the iteration item once per process instead of once per answer —
 * it is the one item every answer would otherwise read. A draft or a missing iteration is not
 * kept (it may open any time). Concurrent first readers share one read.
 */
export class OpenIterations {
  private readonly known = new Map<number, Promise<TIterationFacts | null>>();

  constructor(private readonly iterations: Pick<IterationsRepository, 'get'>) {}

  /** The facts of an iteration, read once while it is open or after it ended; null: none. */
  facts(iterationId: number): Promise<TIterationFacts | null> {
    const cached = this.known.get(iterationId);
    if (cached) return cached;
    const reading = this.read(iterationId);
    this.known.set(iterationId, reading);
    const forget = () => {
      if (this.known.get(iterationId) === reading) this.known.delete(iterationId);
    };
    reading.then((facts) => {
      if (facts === null || facts.state === 'draft') forget();
    }, forget);
    return reading;
  }

  /** Forgets an iteration: an answer found it closed, or this process opened or closed it. */
  evict(iterationId: number): void {
    this.known.delete(iterationId);
  }

  private async read(iterationId: number): Promise<TIterationFacts | null> {
    const found = await this.iterations.get(iterationId);
    if (!found) return null;
    const { status } = found.iteration;
    return {
      iterationId,
      state: status === 'draft' || status === 'open' ? status : 'ended',
      pulse: found.pulse,
      disclosureFreeze: found.disclosureFreeze,
    };
  }
}
