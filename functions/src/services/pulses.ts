import {
  checkAnswers,
  DomainError,
  FULLY_POOLED,
  iterationIdOfPulse,
  tallyOfResponse,
  type TAnswers,
  type TCurrentPulse,
  type TReceipt,
} from '@boucle/shared';
import type { TIdentity } from '../auth/identity.js';
import { countMetric } from '../observability.js';
import type { DirectoryRepository } from '../repositories/directory.js';
import type { DisclosureRepository } from '../repositories/disclosure.js';
import type { IterationsRepository } from '../repositories/iterations.js';
import type { ResponsesRepository } from '../repositories/responses.js';
import { receiptKeyOf } from './receipt-key.js';

export type TPulseServiceDeps = {
  iterations: IterationsRepository;
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
 * frozen when the iteration opened, never who they are. The member must still be in the
 * directory; one who joined after the opening answers in the fully pooled group, and one who
 * moved since keeps the segment they had.
 */
export async function submitResponse(
  deps: TPulseServiceDeps,
  who: TIdentity,
  pulseId: string,
  answers: TAnswers,
): Promise<TReceipt> {
  const iterationId = iterationIdOfPulse(pulseId);
  const found = iterationId === null ? null : await deps.iterations.get(iterationId);
  if (!found?.pulse || found.pulse.id !== pulseId)
    throw new DomainError('not_found', 'Pulse not found');
  if (found.iteration.status !== 'open') {
    throw new DomainError('iteration_not_open', 'This iteration is not open for answers');
  }
  const checked = checkAnswers(found.pulse, answers);
  if (!checked.ok)
    throw new DomainError('invalid_input', 'Some answers are not valid', checked.fields);
  const { disclosureFreeze } = found;
  const [member, frozen] = await Promise.all([
    deps.directory.memberByEmail(who.email),
    // An iteration opened before segments were frozen has none: everyone is pooled.
    disclosureFreeze === null
      ? null
      : deps.disclosure.segmentOf(
          { iterationId: found.iteration.id, freeze: disclosureFreeze },
          who.email,
        ),
  ]);
  if (!member) {
    throw new DomainError(
      'not_in_directory',
      'You are not in the directory of members; ask the steering group',
    );
  }
  const receipt: TReceipt = {
    pulseId,
    iterationId: found.iteration.id,
    answeredOn: deps.now().toISOString().slice(0, 10),
  };
  await deps.responses.submit({
    receiptKey: receiptKeyOf(secretOf(deps), who.email, pulseId),
    receipt,
    segment: frozen ?? FULLY_POOLED,
    answers: checked.answers,
    tally: tallyOfResponse(found.pulse, checked.answers),
  });
  countMetric('ResponsesSubmitted');
  return receipt;
}

/** Only the function that answers pulses is given the receipt secret. */
function secretOf(deps: Pick<TPulseServiceDeps, 'receiptSecret'>): string {
  if (!deps.receiptSecret) {
    throw new DomainError('misconfigured', 'Receipts are not configured on this server');
  }
  return deps.receiptSecret;
}
