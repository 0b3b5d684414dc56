import * as z from 'zod';
import { ZIdeaId } from '../ideas/index.js';
import { ZIteration } from '../iteration.js';
import { ZQuestionId } from '../pulse.js';
import { ZChangeVerdict } from '../trends.js';

/**
 * The steering group's written review of an iteration ("you said, we did"): edited as one
 * draft, published as numbered revisions that never change. Ideas are referenced by id; their
 * titles are resolved when the review is read, so a renamed idea shows its current title.
 */

export const MAX_REVIEW_SUMMARY = 4000;
export const MAX_REVIEW_TEXT = 1000;
export const MAX_REVIEW_ITEMS = 20;
export const MAX_REVIEW_ACTIONS = 30;
export const MAX_LINKED_IDEAS = 10;

const ZText = z.string().trim().min(1).max(MAX_REVIEW_TEXT);

/** Each idea once per item. */
const ZLinkedIdeas = z
  .array(ZIdeaId)
  .max(MAX_LINKED_IDEAS)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'must name each idea once' });

export const ZSaidWeDid = z
  .object({ said: ZText, did: ZText, ideaIds: ZLinkedIdeas })
  .meta({ id: 'SaidWeDid' });
export type TSaidWeDid = z.infer<typeof ZSaidWeDid>;

export const ZReviewDecision = z
  .object({ text: ZText, ideaIds: ZLinkedIdeas })
  .meta({ id: 'ReviewDecision' });
export type TReviewDecision = z.infer<typeof ZReviewDecision>;

export const ZActionStatus = z
  .enum(['planned', 'in-progress', 'done'])
  .meta({ id: 'ActionStatus' });
export type TActionStatus = z.infer<typeof ZActionStatus>;

/** Made by the editor; it keeps an action recognisable from one revision to the next. */
export const ZReviewActionId = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_-]{1,64}$/);

export const ZReviewAction = z
  .object({
    id: ZReviewActionId,
    title: z.string().trim().min(1).max(200),
    ideaIds: ZLinkedIdeas,
    /**
     * Who carries it, as the steering group writes it: a role ("the ambassadors") or a name.
     * Free text, not a directory member: roles outlive people and the published text must
     * not change when someone leaves.
     */
    owner: z.string().trim().min(1).max(120),
    dueIterationId: z.number().int().positive(),
    /** The scale or eNPS question whose change tells whether it worked. */
    trackedQuestionId: ZQuestionId.nullable(),
    status: ZActionStatus,
  })
  .meta({ id: 'ReviewAction' });
export type TReviewAction = z.infer<typeof ZReviewAction>;

export const ZReviewContent = z
  .object({
    summary: z.string().trim().max(MAX_REVIEW_SUMMARY),
    saidWeDid: z.array(ZSaidWeDid).max(MAX_REVIEW_ITEMS),
    decisions: z.array(ZReviewDecision).max(MAX_REVIEW_ITEMS),
    actions: z
      .array(ZReviewAction)
      .max(MAX_REVIEW_ACTIONS)
      .superRefine((actions, context) => {
        const seen = new Set<string>();
        actions.forEach((action, index) => {
          if (seen.has(action.id)) {
            context.addIssue({
              code: 'custom',
              message: 'two actions share this id',
              path: [index, 'id'],
            });
          }
          seen.add(action.id);
        });
      }),
  })
  .meta({ id: 'ReviewContent' });
export type TReviewContent = z.infer<typeof ZReviewContent>;

export const EMPTY_REVIEW: TReviewContent = {
  summary: '',
  saidWeDid: [],
  decisions: [],
  actions: [],
};

export const ZPublishedReview = z
  .object({
    iterationId: z.number().int().positive(),
    iterationName: z.string(),
    /** 1 for the first publication; each correction the next number. */
    revision: z.number().int().min(1),
    publishedAt: z.string(),
    content: ZReviewContent,
    /** A revision after the first: a correction of what was published before. */
    correction: z.boolean(),
  })
  .meta({ id: 'PublishedReview' });
export type TPublishedReview = z.infer<typeof ZPublishedReview>;

export const ZReviewDraft = z
  .object({
    content: ZReviewContent,
    /** Sent back with the next save; a save from an older version is refused. */
    version: z.number().int().min(1),
    savedAt: z.string(),
  })
  .meta({ id: 'ReviewDraft' });
export type TReviewDraft = z.infer<typeof ZReviewDraft>;

export const ZReviewDraftInput = z
  .object({
    content: ZReviewContent,
    /** The version this edit started from; 0 for the first save. */
    version: z.number().int().min(0),
  })
  .meta({ id: 'ReviewDraftInput' });
export type TReviewDraftInput = z.infer<typeof ZReviewDraftInput>;

/** An idea a review links to, with its title as it reads now. */
export const ZReviewIdea = z.object({ id: ZIdeaId, title: z.string() }).meta({ id: 'ReviewIdea' });
export type TReviewIdea = z.infer<typeof ZReviewIdea>;

export const ZEffectFigure = z
  .object({
    iterationId: z.number().int().positive(),
    /** Mean on 1..5 or eNPS on −100..100; null when withheld (too few answers) or not asked. */
    value: z.number().nullable(),
    n: z.number().int().nullable(),
  })
  .meta({ id: 'EffectFigure' });
export type TEffectFigure = z.infer<typeof ZEffectFigure>;

/**
 * Did a done action work: its tracked question in the reviewed iteration (before) and in the
 * latest released iteration from its due one (after), with the change's test.
 */
export const ZActionEffect = z
  .object({
    questionId: ZQuestionId,
    /** Null when no pulse of the two asked it. */
    kind: z.enum(['mean', 'enps']).nullable(),
    before: ZEffectFigure,
    after: ZEffectFigure.nullable(),
    /**
     * `measured` with a verdict; `too-few-answers` when either figure is withheld; `not-yet`
     * before a release at or after the due iteration; `not-asked` when a side lacks the question.
     */
    outcome: z.enum(['measured', 'too-few-answers', 'not-yet', 'not-asked']),
    estimate: z.number().nullable(),
    pValue: z.number().nullable(),
    verdict: ZChangeVerdict.nullable(),
  })
  .meta({ id: 'ActionEffect' });
export type TActionEffect = z.infer<typeof ZActionEffect>;

export const ZReviewActionState = ZReviewAction.extend({
  overdue: z.boolean(),
  /** Only for a done action with a tracked question. */
  effect: ZActionEffect.nullable(),
}).meta({ id: 'ReviewActionState' });
export type TReviewActionState = z.infer<typeof ZReviewActionState>;

export const ZIterationReview = z
  .object({
    iteration: ZIteration,
    draft: ZReviewDraft.nullable(),
    /** Newest first. */
    revisions: z.array(ZPublishedReview),
    /** The draft's actions, else the latest revision's, with what is computed about them. */
    actions: z.array(ZReviewActionState),
    /** The iteration actions are late against: the open one, else the latest opened. */
    currentIterationId: z.number().int().positive().nullable(),
    ideas: z.array(ZReviewIdea),
  })
  .meta({ id: 'IterationReview' });
export type TIterationReview = z.infer<typeof ZIterationReview>;

export * from './effect.js';
export * from './rules.js';
