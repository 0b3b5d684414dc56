import type { TReviewAction, TReviewContent } from '@boucle/shared';
import type { TAppDeps } from '../http/env.js';
import { publishReview, saveReviewDraft } from '../services/review.js';
import { demoIterations } from './demo-organisation.js';

type TDemoLink = { ideaTitle: RegExp };
type TDemoAction = Omit<TReviewAction, 'ideaIds'> & TDemoLink;
type TDemoReview = {
  summary: string;
  saidWeDid: ({ said: string; did: string } & TDemoLink)[];
  decisions: ({ text: string } & TDemoLink)[];
  actions: TDemoAction[];
};

/**
 * The steering group's published review of iterations 1–4, in the demo story's terms: training
 * in levels at Nantes, video tutorials, conventions of use, ambassadors. The done actions track
 * usefulness and eNPS, which rise over the story; one action is left late; iteration 2's review
 * has a correction.
 */
const stories: readonly TDemoReview[] = [
  {
    summary:
      'A good launch: most sites joined the network, Nantes less so. Members asked for training at their own level and for short how-tos.',
    saidWeDid: [
      {
        said: 'The one training session did not fit everybody: too fast for some, too slow for others.',
        did: 'Training in levels (beginner, confirmed), starting at Nantes where use lagged.',
        ideaTitle: /level|nantes/i,
      },
      {
        said: 'Hard to find how to do simple things.',
        did: 'Two-minute video tutorials on the network itself.',
        ideaTitle: /tutorial|video/i,
      },
    ],
    decisions: [
      { text: 'Training in levels becomes the rule on every site.', ideaTitle: /level/i },
    ],
    actions: [
      {
        id: 'training-levels-nantes',
        title: 'Training in levels at Nantes',
        owner: 'Training team',
        dueIterationId: 2,
        trackedQuestionId: 'usefulness',
        status: 'done',
        ideaTitle: /level|nantes/i,
      },
      {
        id: 'video-tutorials',
        title: 'Video tutorials on the network',
        owner: 'Internal communication',
        dueIterationId: 3,
        trackedQuestionId: 'enps',
        status: 'done',
        ideaTitle: /tutorial|video/i,
      },
    ],
  },
  {
    summary:
      'Training in levels was welcomed. What now holds members back is not knowing what goes where: a team channel, a community or e-mail.',
    saidWeDid: [
      {
        said: 'We do not know where to post what.',
        did: 'Conventions of use written with volunteers from every site.',
        ideaTitle: /convention/i,
      },
    ],
    decisions: [
      { text: 'Team news moves off e-mail once the conventions are out.', ideaTitle: /e-?mail/i },
    ],
    actions: [
      {
        id: 'conventions-of-use',
        title: 'Publish the conventions of use',
        owner: 'Steering group',
        dueIterationId: 3,
        trackedQuestionId: 'ease-of-use',
        status: 'done',
        ideaTitle: /convention/i,
      },
    ],
  },
  {
    summary:
      'The conventions are out and team news left e-mail in most teams. Communities need someone to keep them alive.',
    saidWeDid: [
      {
        said: 'Communities go quiet after their first week.',
        did: 'An ambassador per community, with an hour a week for it.',
        ideaTitle: /ambassador|communit/i,
      },
    ],
    decisions: [{ text: 'Ambassadors are named by their teams.', ideaTitle: /ambassador/i }],
    actions: [
      {
        id: 'ambassador-per-community',
        title: 'An ambassador for every community',
        owner: 'Ambassadors',
        dueIterationId: 4,
        trackedQuestionId: 'usefulness',
        status: 'in-progress',
        ideaTitle: /ambassador/i,
      },
    ],
  },
  {
    summary:
      'Ambassadors made the difference: more members post, usefulness and eNPS are up. Managers are the next step.',
    saidWeDid: [
      {
        said: 'Our managers still send team news by e-mail.',
        did: 'Managers are on board this iteration, with their own session.',
        ideaTitle: /manager/i,
      },
    ],
    decisions: [{ text: 'Advanced training for ambassadors.', ideaTitle: /advanced/i }],
    actions: [
      {
        id: 'managers-on-board',
        title: 'Managers post their team news on the network',
        owner: 'Managers, with the ambassadors',
        dueIterationId: 5,
        trackedQuestionId: 'enps',
        status: 'planned',
        ideaTitle: /manager/i,
      },
    ],
  },
];

/** Iteration 2's correction: the Nantes sessions also ran at Lyon, which the first text forgot. */
const correction = (content: TReviewContent): TReviewContent => ({
  ...content,
  summary: `${content.summary} Correction: the training in levels also ran at Lyon.`,
});

/** The idea whose title matches, among the ideas of the five iterations; null when none does. */
async function ideaFinder(deps: TAppDeps) {
  const ideas = (
    await Promise.all(
      demoIterations.map((_, index) => deps.ideas.page(index + 1, 'new', 50, undefined)),
    )
  ).flatMap((page) => page.ideas);
  return (title: RegExp): string[] => {
    const found = ideas.find((idea) => title.test(idea.title));
    return found ? [found.id] : [];
  };
}

/**
 * Publishes the demo's reviews through the same services as the API, dated three days after each
 * iteration ended. Idempotent: an iteration that already has its revisions is left as it is.
 */
export async function seedDemoReview(deps: TAppDeps, log: (line: string) => void): Promise<void> {
  const linked = await ideaFinder(deps);
  for (const [index, story] of stories.entries()) {
    const id = index + 1;
    const wanted = id === 2 ? 2 : 1;
    const found = await deps.iterations.get(id);
    const done = (await deps.reviews.revisionsOf(id)).length;
    if (!found || found.iteration.status === 'open' || done >= wanted) continue;
    const day = new Date(`${found.iteration.endDate}T16:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 3);
    const content: TReviewContent = {
      summary: story.summary,
      saidWeDid: story.saidWeDid.map(({ said, did, ideaTitle }) => ({
        said,
        did,
        ideaIds: linked(ideaTitle),
      })),
      decisions: story.decisions.map(({ text, ideaTitle }) => ({
        text,
        ideaIds: linked(ideaTitle),
      })),
      actions: story.actions.map(({ ideaTitle, ...action }) => ({
        ...action,
        ideaIds: linked(ideaTitle),
      })),
    };
    const versions = done === 0 ? [content, correction(content)] : [correction(content)];
    for (const [step, version] of versions.slice(0, wanted - done).entries()) {
      const at = new Date(day);
      at.setUTCDate(at.getUTCDate() + 7 * (done + step));
      const dated = { ...deps, now: () => at };
      const draft = await deps.reviews.draftOf(id);
      await saveReviewDraft(dated, id, { content: version, version: draft?.version ?? 0 });
      const published = await publishReview(dated, id);
      log(`iteration ${id}: review revision ${published.revision}`);
    }
  }
}
