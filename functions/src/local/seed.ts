import {
  defaultPulseTemplate,
  type TMember,
  type TPoolingOrder,
  seededRandom,
} from '@boucle/shared';
import type { TAppDeps } from '../http/env.js';
import { recordAdoption } from '../services/adoption.js';
import { takeLifecycleStep } from '../services/iterations.js';
import { receiptOf, submitResponse } from '../services/pulses.js';
import { seedDemoConventions } from './demo-conventions.js';
import { seedDemoIdeaComments } from './demo-idea-comments.js';
import { seedDemoIdeas } from './demo-ideas.js';
import {
  demoAnswers,
  demoIterations,
  demoMembers,
  type TDemoIteration,
} from './demo-organisation.js';
import { seedDemoReview } from './demo-review.js';

/** Members left unanswered in the open iteration, so a newcomer can sign in as them and answer. */
const FRESH_MEMBERS = 12;

/**
 * The story is about sites (Nantes lagging), training levels and ambassadors, not teams: rare
 * values are pooled team first and site last, so what the story shows stays visible once every
 * disclosure segment is held by at least k members.
 */
export const DEMO_POOLING_ORDER: TPoolingOrder = ['team', 'trainingLevel', 'ambassador', 'site'];

/**
 * Seeds the demo organisation through the same repositories and services as the API. Every step
 * checks what is already there, so running it again (or after an interruption) finishes the job
 * without adding anything twice: who holds a receipt is skipped, and receipts refuse a second
 * response anyway.
 */
export async function seedDemoOrganisation(
  deps: TAppDeps,
  log: (line: string) => void,
): Promise<void> {
  const members = demoMembers();
  // Steps dated as in the story, through the same lifecycle service as the API.
  const at = (time: string) => ({ ...deps, now: () => new Date(time) });
  if (!(await deps.directory.current())) {
    await deps.directory.replace(members, new Date('2026-07-20T08:00:00Z'));
    log(`seeded ${members.length} members`);
  }
  for (const [index, story] of demoIterations.entries()) {
    const id = index + 1;
    const isCurrent = id === demoIterations.length;
    const existing = await deps.iterations.get(id);
    if (existing?.iteration.status === 'reviewed') continue;
    if (!existing) {
      await deps.iterations.create({
        name: story.name,
        startDate: story.startDate,
        endDate: story.endDate,
        goals: story.goals,
        poolingOrder: DEMO_POOLING_ORDER,
      });
    }
    const found = await deps.iterations.get(id);
    if (!found?.pulse) await deps.iterations.setPulse(id, defaultPulseTemplate);
    if (found?.iteration.status === 'draft' || !found) {
      await takeLifecycleStep(at(`${story.startDate}T07:00:00Z`), id, 'open');
    }
    const opened = await deps.iterations.get(id);
    if (!opened?.pulse) throw new Error(`iteration ${id} has no pulse`);
    if (opened.iteration.status === 'open') {
      // A generator per iteration: a resumed seed draws the same respondents and answers again.
      const random = seededRandom(100 + id);
      const answered = await seedResponses(
        deps,
        members,
        opened.pulse.id,
        story,
        isCurrent,
        random,
      );
      log(`iteration ${id}: ${answered} new responses`);
    }
    // The open iteration is the demo's to play with: the seed never closes it, even later.
    if (isCurrent) continue;
    const ended = at(`${story.endDate}T18:00:00Z`);
    if (opened.iteration.status === 'open') await takeLifecycleStep(ended, id, 'close');
    await takeLifecycleStep(ended, id, 'review');
  }
  await seedAdoption(deps, log);
  // The ideas loop, in the order it happens: ideas and votes, their comments, the published
  // reviews that answer them, the conventions adopted.
  await seedDemoIdeas(deps, log);
  await seedDemoIdeaComments(deps, log);
  await seedDemoReview(deps, log);
  await seedDemoConventions(deps, log);
}

/**
 * The social network's figures of the iterations that ran, through the same service as the API.
 * Only where there are none: a correction the demo user made since is kept.
 */
async function seedAdoption(deps: TAppDeps, log: (line: string) => void): Promise<void> {
  for (const [index, story] of demoIterations.entries()) {
    const id = index + 1;
    const found = await deps.iterations.get(id);
    if (!story.adoption || !found || found.iteration.adoption) continue;
    await recordAdoption(deps, id, story.adoption);
    log(`iteration ${id}: adoption figures`);
  }
}

async function seedResponses(
  deps: TAppDeps,
  members: readonly TMember[],
  pulseId: string,
  story: TDemoIteration,
  isCurrent: boolean,
  random: () => number,
): Promise<number> {
  const respondents = members
    .slice(isCurrent ? FRESH_MEMBERS : 0)
    .filter((member) => random() < story.participation + (member.ambassador ? 0.2 : 0));
  const days = isCurrent ? 10 : 20;
  let answered = 0;
  for (const batch of chunk(respondents, 8)) {
    await Promise.all(
      batch.map(async (member) => {
        const day = new Date(`${story.startDate}T09:00:00Z`);
        day.setUTCDate(day.getUTCDate() + Math.floor(random() * random() * days));
        const answers = demoAnswers(member, story, random);
        // Drawn first, checked after: a resumed seed draws the same, and skips who answered.
        if (await receiptOf(deps, member.email, pulseId)) return;
        const who = { email: member.email, name: member.name, roles: ['employee' as const] };
        await submitResponse({ ...deps, now: () => day }, who, pulseId, answers);
        answered++;
      }),
    );
  }
  return answered;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    chunks.push(items.slice(start, start + size));
  return chunks;
}
