import {
  seededRandom,
  type TAdoptionInput,
  type TAnswers,
  type TMember,
  type TTrainingLevel,
} from '@boucle/shared';

/**
 * A believable organisation rolling out its enterprise social network: 300 members, 8 teams,
 * 3 sites, and four past iterations whose answers tell the story of the rollout — a slow start,
 * training in levels (iteration 2), usage conventions fixed (iteration 3), ambassadors taking
 * over animation (iteration 4) — with the Nantes site lagging behind. Deterministic, so seeding
 * again gives the same data.
 */
export const DEMO_DOMAIN = 'demo.boucle.example';

export const demoSteering = [
  { name: 'Claire Martin', email: `claire.martin@${DEMO_DOMAIN}` },
  { name: 'Thomas Bernard', email: `thomas.bernard@${DEMO_DOMAIN}` },
];

const TEAMS = [
  'Sales',
  'Marketing',
  'R&D',
  'Customer care',
  'Finance',
  'HR',
  'Logistics',
  'Production',
];
const SITES = ['Paris', 'Lyon', 'Nantes'];
const FIRST = [
  'Camille',
  'Léa',
  'Manon',
  'Chloé',
  'Inès',
  'Sarah',
  'Julie',
  'Emma',
  'Lucie',
  'Alice',
  'Louise',
  'Jade',
  'Hugo',
  'Lucas',
  'Louis',
  'Nathan',
  'Jules',
  'Gabriel',
  'Arthur',
  'Paul',
  'Antoine',
  'Maxime',
  'Karim',
  'Yanis',
  'Mehdi',
  'Sofia',
  'Nadia',
  'Amadou',
  'Fatou',
  'Pierre',
];
const LAST = [
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Benali',
  'Diallo',
  'Nguyen',
  'Rousseau',
  'Blanc',
  'Guerin',
  'Muller',
];

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

export function demoMembers(count = 300): TMember[] {
  const random = seededRandom(2026);
  const members: TMember[] = demoSteering.map((person, index) => ({
    ...person,
    team: index === 0 ? 'HR' : 'Marketing',
    site: 'Paris',
    trainingLevel: 'advanced',
    ambassador: false,
    role: 'steering',
  }));
  const used = new Set(members.map((m) => m.email));
  while (members.length < count) {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const base = `${first}.${last}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    let email = `${base}@${DEMO_DOMAIN}`;
    for (let n = 2; used.has(email); n++) email = `${base}${n}@${DEMO_DOMAIN}`;
    used.add(email);
    const levelDraw = random();
    const trainingLevel: TTrainingLevel =
      levelDraw < 0.45 ? 'beginner' : levelDraw < 0.8 ? 'confirmed' : 'advanced';
    members.push({
      email,
      name: `${first} ${last}`,
      team: TEAMS[members.length % TEAMS.length] as string,
      // Half in Paris, then Lyon, then the smaller Nantes site.
      site: (random() < 0.5 ? SITES[0] : random() < 0.6 ? SITES[1] : SITES[2]) as string,
      trainingLevel,
      ambassador: random() < 0.1 + (trainingLevel === 'advanced' ? 0.15 : 0),
      role: 'employee',
    });
  }
  return members;
}

export type TDemoIteration = {
  name: string;
  startDate: string;
  endDate: string;
  goals: string[];
  /** Share of members who answer. */
  participation: number;
  /** Mood on a 1–5 scale before individual effects. */
  mood: number;
  blockers: Record<string, number>;
  /** What members wrote in the open comment that iteration, beside the ones heard every time. */
  comments: readonly string[];
  /**
   * The social network's console once the iteration ran: registered members climb toward the
   * 300, weekly active from a quarter to 60 %, and more of the active post once ambassadors
   * animate (iteration 4). None yet for the open iteration.
   */
  adoption?: TAdoptionInput;
};

export const demoIterations: TDemoIteration[] = [
  {
    name: 'Iteration 1 — Launch',
    startDate: '2026-07-27',
    endDate: '2026-08-21',
    goals: ['Open the network to all sites', 'Create the first communities'],
    participation: 0.46,
    mood: 2.6,
    blockers: { time: 0.5, conventions: 0.55, relevance: 0.45, tooling: 0.3, management: 0.3 },
    comments: [
      'Je ne sais pas par où commencer, une formation serait bienvenue.',
      'On ne sait pas quoi publier ici plutôt que par e-mail.',
      'Trop de communautés créées d’un coup, on ne sait pas laquelle suivre.',
      'Je ne vois pas encore ce que cela m’apporte dans mon travail quotidien.',
      'Hard to know which community to post in.',
      'Le lancement est passé inaperçu à Nantes, personne ne nous en a parlé.',
      'Il faudrait une communauté dédiée aux questions RH.',
    ],
    adoption: {
      registeredMembers: 150,
      weeklyActiveMembers: 38,
      contributors: 9,
      posts: 64,
      comments: 110,
    },
  },
  {
    name: 'Iteration 2 — Training in levels',
    startDate: '2026-08-24',
    endDate: '2026-09-18',
    goals: ['Beginner and confirmed training sessions', 'One community per team'],
    participation: 0.58,
    mood: 3.0,
    blockers: { time: 0.45, conventions: 0.5, relevance: 0.35, tooling: 0.2, management: 0.3 },
    comments: [
      'La formation débutant était claire, merci.',
      'Plus de sessions de formation à Nantes, s’il vous plaît.',
      'La session confirmé allait trop vite pour moi.',
      'Je n’ai pas eu le temps d’aller à la formation, un tutoriel vidéo m’aiderait.',
      'I would like a short video on how to find documents.',
      'Formation utile, mais on ne sait toujours pas quoi poster ni où.',
      'Les créneaux de formation tombent pendant les pics d’activité.',
    ],
    adoption: {
      registeredMembers: 205,
      weeklyActiveMembers: 72,
      contributors: 19,
      posts: 148,
      comments: 290,
    },
  },
  {
    name: 'Iteration 3 — Usage conventions',
    startDate: '2026-09-21',
    endDate: '2026-10-16',
    goals: ['Publish the usage conventions', 'Move team news off e-mail'],
    participation: 0.65,
    mood: 3.4,
    blockers: { time: 0.4, conventions: 0.2, relevance: 0.3, tooling: 0.15, management: 0.25 },
    comments: [
      'Les conventions d’usage devraient être affichées dans chaque communauté.',
      'Depuis les conventions d’usage, on sait enfin où poster les actualités d’équipe.',
      'Les conventions sont trop longues, une version courte suffirait.',
      'Moins d’e-mails en copie à tout le monde, c’est un vrai progrès.',
      'The usage conventions helped: team news now lands in one place.',
      'Certains continuent d’envoyer les infos par e-mail malgré les conventions.',
      'La règle sur les mentions d’équipe limite enfin le bruit.',
    ],
    adoption: {
      registeredMembers: 252,
      weeklyActiveMembers: 116,
      contributors: 33,
      posts: 262,
      comments: 540,
    },
  },
  {
    name: 'Iteration 4 — Ambassadors',
    startDate: '2026-10-19',
    endDate: '2026-11-13',
    goals: ['An ambassador per community', 'Advanced training'],
    participation: 0.71,
    mood: 3.6,
    blockers: { time: 0.35, conventions: 0.15, relevance: 0.25, tooling: 0.15, management: 0.2 },
    comments: [
      'Les ambassadeurs nous aident beaucoup, merci !',
      'Notre ambassadrice anime très bien la communauté qualité.',
      'Les ambassadeurs répondent vite aux questions, ça change tout.',
      'Pas encore d’ambassadeur sur le site de Nantes, dommage.',
      'Our ambassador’s weekly tips are the best thing on the network.',
      'La formation approfondissement m’a fait découvrir les sondages et les événements.',
      'Les ambassadeurs devraient avoir du temps dédié pour animer.',
    ],
    adoption: {
      registeredMembers: 281,
      weeklyActiveMembers: 169,
      contributors: 71,
      posts: 455,
      comments: 1020,
    },
  },
  {
    name: 'Iteration 5 — Managers on board',
    startDate: '2026-11-16',
    endDate: '2026-12-11',
    goals: ['Managers post their team news', 'Adoption at the Nantes site'],
    participation: 0.38,
    mood: 3.8,
    blockers: { time: 0.35, conventions: 0.12, relevance: 0.2, tooling: 0.12, management: 0.25 },
    comments: [
      'Our managers should post team news here instead of by e-mail.',
      'Mon manager publie maintenant les infos d’équipe ici, c’est plus simple à suivre.',
      'Les managers ne sont pas encore présents, on ne sait pas s’ils nous lisent.',
      'À Nantes, l’adoption progresse depuis l’arrivée des ambassadeurs.',
    ],
  },
];

/** Heard in every iteration of the rollout: time, notifications, the mobile app, search. */
const COMMENTS_EVERY_TIME = [
  'Trop de notifications, on s’y perd.',
  'Les notifications par e-mail font doublon avec celles de l’application.',
  'The mobile app is slow to load attachments.',
  'L’application mobile ne permet pas de retrouver les anciens messages.',
  'Impossible de se connecter depuis le téléphone sans passer par le VPN.',
  'Search works much better since the last update.',
  'Je manque de temps pour suivre tous les fils de discussion.',
  'Pas assez de temps dans la semaine pour contribuer vraiment.',
];

/** One member's answers to the default pulse in a given iteration of the story. */
export function demoAnswers(
  member: TMember,
  iteration: TDemoIteration,
  random: () => number,
): TAnswers {
  const levelEffect = { beginner: -0.5, confirmed: 0, advanced: 0.5 }[member.trainingLevel];
  const siteEffect = member.site === 'Nantes' ? -0.5 : member.site === 'Lyon' ? 0.1 : 0.2;
  const latent =
    iteration.mood +
    levelEffect +
    siteEffect +
    (member.ambassador ? 0.7 : 0) +
    (random() - 0.5) * 1.6;
  const scale = (shift: number) => Math.min(5, Math.max(1, Math.round(latent + shift)));
  const answers: TAnswers = {
    usefulness: scale(0),
    'ease-of-use': scale(0.2 + (random() - 0.5)),
    frequency: latent > 4 ? 'daily' : latent > 3.2 ? 'weekly' : latent > 2.4 ? 'monthly' : 'rarely',
    enps: Math.min(10, Math.max(0, Math.round(latent * 2.1 - 0.5 + (random() - 0.5) * 3))),
    'training-need':
      member.trainingLevel === 'advanced'
        ? 'none'
        : random() < 0.5
          ? member.trainingLevel === 'beginner'
            ? 'beginner'
            : 'confirmed'
          : random() < 0.5
            ? 'advanced'
            : 'none',
  };
  const blockers = Object.entries(iteration.blockers)
    .filter(([, chance]) => random() < chance)
    .map(([blocker]) => blocker);
  if (blockers.length > 0) answers.blockers = blockers;
  if (random() < 0.25) {
    answers.comment = pick(random, [...iteration.comments, ...COMMENTS_EVERY_TIME]);
  }
  return answers;
}
