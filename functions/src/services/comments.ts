import {
  commentsToShow,
  DomainError,
  type TCommentsView,
  type TSegmentDimension,
} from '@boucle/shared';
import { currentRelease, type TResultsDeps } from './results.js';

export type TCommentsDeps = TResultsDeps & { commentK: number };

/**
 * The comments of a closed or reviewed iteration that the disclosure module lets through, read
 * from its final release: nothing can be answered after closing, so its responses are fixed.
 */
export async function iterationComments(
  deps: TCommentsDeps,
  iterationId: number,
  by: TSegmentDimension | null,
): Promise<TCommentsView> {
  const found = await deps.iterations.get(iterationId);
  if (!found) throw new DomainError('not_found', `Iteration ${iterationId} not found`);
  const { iteration, pulse } = found;
  const closed = iteration.status === 'closed' || iteration.status === 'reviewed';
  const release = closed && pulse ? await currentRelease(deps, iteration, pulse) : null;
  if (!pulse || !release?.info.final) {
    throw new DomainError(
      'comments_not_released',
      `Iteration ${iterationId} has not closed: its comments are shown once it has`,
    );
  }
  const textQuestions = pulse.questions.filter(({ type }) => type === 'text').map(({ id }) => id);
  const responses = await deps.responses.commentedResponses(pulse.id, textQuestions);
  return {
    iterationId,
    by,
    commentK: deps.commentK,
    disclosure: commentsToShow({ release, responses, commentK: deps.commentK, by }),
  };
}
