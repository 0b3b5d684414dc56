import {
  DomainError,
  FULLY_POOLED,
  ideaCommentFor,
  moderatedCommentFor,
  type TIdeaComment,
  type TIdeaCommentInput,
  type TIdeaCommentList,
  type TIdeaCommentsQuery,
  type TModeratedComment,
  type TModerationQuery,
  type TModerationQueue,
  type TSegment,
} from '@boucle/shared';
import type { TIdentity } from '../auth/identity.js';
import type { TAppDeps } from '../http/env.js';
import { newIdeaCommentId } from '../repositories/idea-comments.js';
import { voterKeyOf } from './receipt-key.js';

/**
 * The author's segment as frozen when the open iteration opened, for involvement by group; fully
 * pooled between iterations or for a member who joined after the opening (as pulse answers are).
 */
async function frozenSegmentOf(
  deps: TAppDeps,
  email: string,
): Promise<{ segment: TSegment; segmentIterationId: number | null }> {
  const openId = await deps.iterations.openIterationId();
  const open = openId === null ? null : await deps.iterations.get(openId);
  if (!open) return { segment: FULLY_POOLED, segmentIterationId: null };
  const segment = open.disclosureFreeze
    ? await deps.disclosure.segmentOf(
        { iterationId: open.iteration.id, freeze: open.disclosureFreeze },
        email,
      )
    : null;
  return { segment: segment ?? FULLY_POOLED, segmentIterationId: open.iteration.id };
}

export async function listIdeaComments(
  deps: TAppDeps,
  caller: TIdentity,
  ideaId: string,
  query: TIdeaCommentsQuery,
): Promise<TIdeaCommentList> {
  const [idea, page] = await Promise.all([
    deps.ideas.get(ideaId),
    deps.ideaComments.page(ideaId, query.limit, query.cursor),
  ]);
  if (!idea) throw new DomainError('not_found', 'No such idea');
  return {
    comments: page.comments.map((comment) => ideaCommentFor(comment, caller.email)),
    nextCursor: page.nextCursor,
  };
}

export async function postIdeaComment(
  deps: TAppDeps,
  caller: TIdentity,
  ideaId: string,
  input: TIdeaCommentInput,
): Promise<TIdeaComment> {
  // The author key is an HMAC with the secret only the pulse function holds, like vote keys.
  if (!deps.receiptSecret) throw new DomainError('misconfigured', 'Comments need the secret');
  const now = deps.now();
  const email = caller.email.toLowerCase();
  const stored = await deps.ideaComments.create({
    id: newIdeaCommentId(ideaId, now),
    ideaId,
    text: input.text,
    anonymous: input.anonymous,
    authorEmail: email,
    authorName: caller.name,
    createdAt: now.toISOString(),
    authorKey: voterKeyOf(deps.receiptSecret, email),
    ...(await frozenSegmentOf(deps, email)),
  });
  return ideaCommentFor(stored, caller.email);
}

export async function hideIdeaComment(
  deps: TAppDeps,
  moderator: TIdentity,
  id: string,
  reason: string,
): Promise<TModeratedComment> {
  const by = { email: moderator.email.toLowerCase(), name: moderator.name };
  return moderatedCommentFor(await deps.ideaComments.hide(id, reason, by, deps.now()));
}

export async function moderationQueue(
  deps: TAppDeps,
  query: TModerationQuery,
): Promise<TModerationQueue> {
  const page = await deps.ideaComments.queue(query.state, query.limit, query.cursor);
  return { comments: page.comments.map(moderatedCommentFor), nextCursor: page.nextCursor };
}
