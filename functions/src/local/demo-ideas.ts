import {
  decideStatusChange,
  searchTextOf,
  type TIdeaCategory,
  type TIdeaStatusChange,
  type TMember,
  type TSegment,
} from '@boucle/shared';
import type { TAppDeps } from '../http/env.js';
import { newIdeaId, type TStoredIdea } from '../repositories/ideas.js';
import { voterOf } from '../services/ideas.js';
import { demoIterations, demoMembers } from './demo-organisation.js';

/** A step of an idea's life in the story: what the steering group decided, in which iteration. */
type TDemoStep = TIdeaStatusChange & { iteration: number };

type TDemoIdea = {
  title: string;
  description: string;
  category: TIdeaCategory;
  iteration: number;
  anonymous?: boolean;
  /** How many members vote for it. */
  votes: number;
  steps?: TDemoStep[];
  /** Merged into the idea of this title once the triage spots it. */
  duplicateOf?: string;
};

const planned = (iteration: number, plannedFor: number): TDemoStep => ({
  status: 'planned',
  plannedFor,
  iteration,
});
const step = (status: TDemoStep['status'], iteration: number): TDemoStep => ({ status, iteration });

/** Ideas that echo what members wrote in the story's pulses, iteration after iteration. */
const DEMO_IDEAS: readonly TDemoIdea[] = [
  {
    title: 'Des formations de prise en main à Nantes',
    description:
      'Le lancement est passé inaperçu à Nantes : une session sur place pour démarrer, par petits groupes.',
    category: 'training',
    iteration: 1,
    votes: 24,
    steps: [step('under-review', 1), planned(1, 2), step('in-progress', 2), step('done', 2)],
  },
  {
    title: 'Une communauté pour les questions RH',
    description:
      'Un endroit unique pour poser les questions RH, avec les réponses visibles de tous.',
    category: 'animation',
    iteration: 1,
    votes: 18,
    steps: [step('under-review', 1), planned(1, 2), step('in-progress', 2), step('done', 2)],
  },
  {
    title: 'Un guide : quoi publier, et où',
    description:
      'On ne sait pas quoi publier ici plutôt que par e-mail : une page courte avec des exemples.',
    category: 'usage-convention',
    iteration: 1,
    votes: 30,
    steps: [step('under-review', 1), planned(2, 3), step('in-progress', 3), step('done', 3)],
  },
  {
    title: 'Moins de communautés au lancement',
    description: 'Trop de communautés créées d’un coup, on ne sait pas laquelle suivre.',
    category: 'animation',
    iteration: 1,
    votes: 6,
    steps: [
      {
        status: 'declined',
        reason:
          'Les communautés existent et ont leurs membres : les ambassadeurs les regrouperont plutôt (itération 4).',
        iteration: 2,
      },
    ],
  },
  {
    title: 'Une journée de lancement sur le site de Nantes',
    description: 'Présenter le réseau sur place, avec des démonstrations au poste.',
    category: 'animation',
    iteration: 1,
    anonymous: true,
    votes: 12,
    steps: [step('under-review', 1), planned(4, 5)],
  },
  {
    title: 'Des tutoriels vidéo courts',
    description:
      'Pas toujours le temps d’aller en formation : des vidéos de deux minutes, une par geste.',
    category: 'training',
    iteration: 2,
    votes: 27,
    steps: [step('under-review', 2), planned(2, 3), step('in-progress', 3), step('done', 4)],
  },
  {
    title: 'Une vidéo pour retrouver un document',
    description: 'A short video on how to find documents.',
    category: 'training',
    iteration: 2,
    votes: 9,
    duplicateOf: 'Des tutoriels vidéo courts',
  },
  {
    title: 'Des créneaux de formation hors des pics d’activité',
    description:
      'Les créneaux tombent pendant les pics : proposer le matin tôt ou en fin de journée.',
    category: 'training',
    iteration: 2,
    votes: 14,
    steps: [step('under-review', 2), planned(2, 3), step('in-progress', 3), step('done', 3)],
  },
  {
    title: 'La session confirmé en deux parties',
    description: 'La session confirmé allait trop vite : la couper en deux demi-journées.',
    category: 'training',
    iteration: 2,
    anonymous: true,
    votes: 7,
    steps: [
      {
        status: 'declined',
        reason: 'Remplacée par la formation approfondissement de l’itération 4, plus progressive.',
        iteration: 3,
      },
    ],
  },
  {
    title: 'Convention : répondre dans le fil, pas par e-mail',
    description:
      'Quand une discussion commence ici, on y répond ici : plus de réponses par e-mail en copie à tous.',
    category: 'usage-convention',
    iteration: 3,
    votes: 33,
    steps: [step('under-review', 3), planned(3, 3), step('in-progress', 3), step('done', 3)],
  },
  {
    title: 'Une version courte des conventions d’usage',
    description: 'Les conventions sont trop longues : une version d’une page suffirait.',
    category: 'usage-convention',
    iteration: 3,
    votes: 21,
    steps: [step('under-review', 3), planned(3, 4), step('in-progress', 4), step('done', 4)],
  },
  {
    title: 'Afficher les conventions dans chaque communauté',
    description: 'Les conventions d’usage devraient être visibles là où l’on publie.',
    category: 'usage-convention',
    iteration: 3,
    votes: 16,
    steps: [step('under-review', 3), planned(3, 4), step('in-progress', 4)],
  },
  {
    title: 'Épingler les conventions en haut des communautés',
    description: 'Un message épinglé avec les conventions dans chaque communauté.',
    category: 'usage-convention',
    iteration: 3,
    votes: 5,
    duplicateOf: 'Afficher les conventions dans chaque communauté',
  },
  {
    title: 'Un résumé quotidien des notifications',
    description: 'Trop de notifications, on s’y perd : un seul résumé par jour.',
    category: 'feature',
    iteration: 3,
    votes: 29,
    steps: [step('under-review', 3)],
  },
  {
    title: 'Du temps dédié pour les ambassadeurs',
    description: 'Une heure par semaine reconnue pour animer sa communauté.',
    category: 'animation',
    iteration: 4,
    votes: 19,
    steps: [step('under-review', 4), planned(4, 5)],
  },
  {
    title: 'Un ambassadeur sur le site de Nantes',
    description: 'Pas encore d’ambassadeur à Nantes : en nommer un ou deux.',
    category: 'animation',
    iteration: 4,
    votes: 22,
    steps: [step('under-review', 4), planned(4, 5), step('in-progress', 5)],
  },
  {
    title: 'Les astuces de la semaine des ambassadeurs',
    description:
      'Our ambassador’s weekly tips are the best thing on the network: one per community.',
    category: 'animation',
    iteration: 4,
    anonymous: true,
    votes: 11,
  },
  {
    title: 'Retrouver les anciens messages sur mobile',
    description: 'L’application mobile ne permet pas de retrouver les anciens messages.',
    category: 'feature',
    iteration: 4,
    votes: 17,
    steps: [step('under-review', 4)],
  },
  {
    title: 'Les managers publient les actualités d’équipe ici',
    description: 'Our managers should post team news here instead of by e-mail.',
    category: 'usage-convention',
    iteration: 5,
    votes: 15,
    steps: [step('under-review', 5)],
  },
  {
    title: 'Se connecter sur mobile sans le VPN',
    description: 'Impossible de se connecter depuis le téléphone sans passer par le VPN.',
    category: 'feature',
    iteration: 5,
    anonymous: true,
    votes: 13,
  },
  {
    title: 'Un point mensuel des managers en vidéo',
    description: 'Une courte vidéo par mois où les managers disent ce qui change.',
    category: 'animation',
    iteration: 5,
    votes: 4,
  },
];

/** The demo ideas' titles, for the seeds of later areas (the review's decisions…). */
export const demoIdeaTitles: readonly string[] = DEMO_IDEAS.map((idea) => idea.title);

/** Iterations are numbered from 1 in the story; its days start at the iteration's start. */
function dayOf(iteration: number, days: number): Date {
  const story = demoIterations[iteration - 1];
  if (!story) throw new Error(`No iteration ${iteration} in the story`);
  const day = new Date(`${story.startDate}T09:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day;
}

/** The demo's ideas by title, read from the table. */
async function storedByTitle(deps: TAppDeps): Promise<Map<string, TStoredIdea>> {
  const ideas = await deps.ideas.all(demoIterations.map((_, index) => index + 1));
  return new Map(ideas.map((idea) => [idea.title, idea]));
}

/** A demo idea by its title (see `demoIdeaTitles`), or null when not seeded yet. */
export async function findDemoIdea(deps: TAppDeps, title: string): Promise<TStoredIdea | null> {
  return (await storedByTitle(deps)).get(title) ?? null;
}

/** The member's segment frozen when the iteration opened; null before the organisation seed. */
async function segmentIn(deps: TAppDeps, iteration: number, email: string) {
  const found = await deps.iterations.get(iteration);
  const freeze = found?.disclosureFreeze ?? null;
  return freeze === null
    ? null
    : deps.disclosure.segmentOf({ iterationId: iteration, freeze }, email);
}

/**
 * Seeds ~20 ideas over the story's iterations with votes from demo members, their triage
 * (planned, in progress, done, 2 declined with reasons) and 2 merged duplicates, dated in the
 * story. Idempotent: an idea found by title is not submitted again, votes stop at the story's
 * count, and only the steps after an idea's current status are taken.
 */
export async function seedDemoIdeas(deps: TAppDeps, log: (line: string) => void): Promise<void> {
  const members = demoMembers().filter((member) => member.role !== 'steering');
  const existing = await storedByTitle(deps);
  let submitted = 0;
  for (const [index, demo] of DEMO_IDEAS.entries()) {
    const author = members[(index * 17) % members.length] as TMember;
    let idea = existing.get(demo.title) ?? null;
    if (!idea) {
      idea = await submitDemoIdea(deps, demo, author, index);
      submitted += 1;
    }
    await voteFor(deps, idea, demo, members, index);
    idea = await takeSteps(deps, idea, demo.steps ?? [], index);
    existing.set(demo.title, idea);
  }
  for (const demo of DEMO_IDEAS) {
    const merged = existing.get(demo.title);
    const kept = demo.duplicateOf ? existing.get(demo.duplicateOf) : undefined;
    if (!merged || !kept) continue;
    if (merged.status !== 'duplicate') {
      await deps.ideas.markMerged(
        merged,
        kept.id,
        demo.iteration + 1,
        dayOf(demo.iteration + 1, 2),
      );
    }
    await deps.ideas.moveVotes(merged.id, kept.id);
  }
  log(`ideas: ${submitted} new of ${DEMO_IDEAS.length}`);
}

async function submitDemoIdea(
  deps: TAppDeps,
  demo: TDemoIdea,
  author: TMember,
  index: number,
): Promise<TStoredIdea> {
  const at = dayOf(demo.iteration, 1 + (index % 5));
  const segment: TSegment | null = await segmentIn(deps, demo.iteration, author.email);
  return deps.ideas.create({
    id: newIdeaId(demo.iteration, at),
    iterationId: demo.iteration,
    title: demo.title,
    description: demo.description,
    category: demo.category,
    anonymous: demo.anonymous ?? false,
    authorEmail: author.email,
    authorName: author.name,
    createdAt: at.toISOString(),
    status: 'new',
    plannedFor: null,
    declineReason: null,
    duplicateOf: null,
    mergedFrom: [],
    updatedAt: at.toISOString(),
    history: [{ status: 'new', at: at.toISOString(), iterationId: demo.iteration }],
    segment,
    authorKey: voterOf(deps, author.email),
    searchText: searchTextOf(demo.title, demo.description),
  });
}

/** The story's voters: a run of members starting at a place of the idea's own. */
async function voteFor(
  deps: TAppDeps,
  idea: TStoredIdea,
  demo: TDemoIdea,
  members: readonly TMember[],
  index: number,
) {
  if (idea.votes >= demo.votes || idea.status === 'duplicate') return;
  const start = (index * 31) % members.length;
  const voters = [...members.slice(start), ...members.slice(0, start)].slice(0, demo.votes);
  const at = dayOf(demo.iteration, 3 + (index % 7));
  for (const voter of voters) {
    const segment = await segmentIn(deps, demo.iteration, voter.email);
    await deps.ideas.vote(idea.id, voterOf(deps, voter.email), at, segment);
  }
}

/** The steps after the idea's current status, each dated in its iteration. */
async function takeSteps(
  deps: TAppDeps,
  idea: TStoredIdea,
  steps: readonly TDemoStep[],
  index: number,
): Promise<TStoredIdea> {
  const done = steps.findLastIndex((taken) => taken.status === idea.status);
  let current = idea;
  for (const [position, taken] of steps.slice(done + 1).entries()) {
    const { iteration, ...change } = taken;
    const decision = decideStatusChange(current, change, iteration);
    if (!decision.ok)
      throw new Error(`Demo idea “${idea.title}”: ${JSON.stringify(decision.fields)}`);
    const at = dayOf(iteration, 8 + position + (index % 3));
    current = await deps.ideas.setStatus(current, decision.next, iteration, at);
  }
  return current;
}
