import {
  checkAnswers,
  DomainError,
  FULLY_POOLED,
  iterationIdOfPulse,
  tallyOfResponse,
  type TAnswers,
  type TCurrentPulse,
  type TReceipt,
  type TSegment,
} from '@boucle/shared';
import type { TIdentity } from '../auth/identity.js';
import { countMetric } from '../observability.js';
import type { DirectoryRepository } from '../repositories/directory.js';
import type { DisclosureRepository } from '../repositories/disclosure.js';
import type { IterationsRepository } from '../repositories/iterations.js';
import type { ResponsesRepository } from '../repositories/responses.js';
import type { OpenIterations, TIterationFacts } from './open-iterations.js';
import { receiptKeyOf } from './receipt-key.js';

export type TPulseServiceDeps = {
  iterations: IterationsRepository;
  openIterations: OpenIterations;
  directory: DirectoryRepository;
  disclosure: DisclosureRepository;
  responses: ResponsesRepository;
  receiptSecret: string | null;
  now: () => Date;
};

/** The open iteration's pulse as one employee sees it, with their receipt if they answered. */
export async function currentPulse(
  deps: TPulseServiceDeps,
  who: TIdentity,
): Promise<TCurrentPulse> {
  const openId = await deps.iterations.openIterationId();
  const found = openId === null ? null : await deps.iterations.get(openId);
  if (!found?.pulse) throw new DomainError('not_found', 'No pulse is open');
  const { iteration, pulse } = found;
  const receipt = await receiptOf(deps, who.email, pulse.id);
  return {
    iteration: {
      id: iteration.id,
      name: iteration.name,
      startDate: iteration.startDate,
      endDate: iteration.endDate,
      goals: iteration.goals,
    },
    pulse,
    receipt,
  };
}

/** The member's receipt for a pulse, if they answered it. */
export function receiptOf(
  deps: Pick<TPulseServiceDeps, 'responses' | 'receiptSecret'>,
  email: string,
  pulseId: string,
): Promise<TReceipt | null> {
  return deps.responses.receipt(receiptKeyOf(secretOf(deps), email, pulseId));
}

/**
 * Validates, then stores the response exactly once with the member's disclosure segment as
 * frozen when the iteration opened, never who they are. Two DynamoDB calls normally: the
 * member's frozen segment, then the transaction, which alone decides whether the pulse is still
 * open (the iteration's unchanging facts are read once per process, see open-iterations.ts).
 * A member without a frozen segment joined after the opening: the directory decides, pooled if
 * they are in it. One removed since has no frozen segment left (the roster import deletes it),
 * so they are refused like anyone not in the directory; one who moved keeps their segment.
 */
export async function submitResponse(
  deps: TPulseServiceDeps,
  who: TIdentity,
  pulseId: string,
  answers: TAnswers,
): Promise<TReceipt> {
  const iterationId = iterationIdOfPulse(pulseId);
  const facts = iterationId === null ? null : await deps.openIterations.facts(iterationId);
  if (!facts?.pulse || facts.pulse.id !== pulseId)
    throw new DomainError('not_found', 'Pulse not found');
  if (facts.state !== 'open') {
    throw new DomainError('iteration_not_open', 'This iteration is not open for answers');
  }
  const checked = checkAnswers(facts.pulse, answers);
  if (!checked.ok)
    throw new DomainError('invalid_input', 'Some answers are not valid', checked.fields);
  const receipt: TReceipt = {
    pulseId,
    iterationId: facts.iterationId,
    answeredOn: deps.now().toISOString().slice(0, 10),
  };
  try {
    await deps.responses.submit({
      receiptKey: receiptKeyOf(secretOf(deps), who.email, pulseId),
      receipt,
      segment: await segmentOfAnswer(deps, facts, who.email),
      answers: checked.answers,
      tally: tallyOfResponse(facts.pulse, checked.answers),
    });
  } catch (error) {
    // Closed since this process read it: the next answer reads the iteration again.
    if (error instanceof DomainError && error.code === 'iteration_not_open') {
      deps.openIterations.evict(facts.iterationId);
    }
    throw error;
  }
  countMetric('ResponsesSubmitted');
  return receipt;
}

/** The segment an answer is stored with: frozen at opening, else pooled if in the directory. */
async function segmentOfAnswer(
  deps: TPulseServiceDeps,
  { iterationId, disclosureFreeze }: TIterationFacts,
  email: string,
): Promise<TSegment> {
  // An iteration opened before segments were frozen has none: everyone is pooled.
  const frozen =
    disclosureFreeze === null
      ? null
      : await deps.disclosure.segmentOf({ iterationId, freeze: disclosureFreeze }, email);
  if (frozen) return frozen;
  if (!(await deps.directory.memberByEmail(email))) {
    throw new DomainError(
      'not_in_directory',
      'You are not in the directory of members; ask the steering group',
    );
  }
  return FULLY_POOLED;
}

/** Only the function that answers pulses is given the receipt secret. */
function secretOf(deps: Pick<TPulseServiceDeps, 'receiptSecret'>): string {
  if (!deps.receiptSecret) {
    throw new DomainError('misconfigured', 'Receipts are not configured on this server');
  }
  return deps.receiptSecret;
}
