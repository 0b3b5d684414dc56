/**
 * One realistic request per route of the route list, that succeeds against the items below: the
 * fault and property suites start from it. A route missing here fails the suites that check it.
 */
import {
  defaultPulseTemplate,
  EMPTY_REVIEW,
  headcountOf,
  pulseIdOf,
  queuePositionOf,
  type TMember,
} from '@boucle/shared';
import type { TApiRoute } from '../api/routes.js';
import { conventionKey } from '../repositories/conventions.js';
import { ideaCommentKey, type TStoredIdeaComment } from '../repositories/idea-comments.js';
import { ideaKey } from '../repositories/ideas.js';
import { iterationKey } from '../repositories/iterations.js';
import { draftKey } from '../repositories/reviews.js';
import { importKey } from '../repositories/roster-imports.js';
import { voterKeyOf } from '../services/receipt-key.js';
import {
  closedIteration,
  defaultItems,
  employee,
  frozenSegments,
  openIteration,
  openPulse,
  steering,
  validAnswers,
} from '../testing/mocked-app.js';
import type { TStoredItem } from './fake-table.js';

export const SECRET = 'a-test-secret-of-at-least-32-characters';
export const IDEA = '000005-mhq1x2y3z0abc123';
export const KEPT_IDEA = '000005-mhq1x2y3z0def456';
export const COMMENT = `${IDEA}_mhq1x2y3z00000001`;
export const CONVENTION = 'mhq1x2y3z0abcdef';
/** A roster import waiting for its one chunk, and one whose chunk is in. */
export const STAGING_IMPORT = 'mhq1x2y3zabcdefg';
export const READY_IMPORT = 'mhq1x2y3zhijklmn';
export const ambassador: TMember = { ...employee, email: 'amy@example.com', ambassador: true };

const storedIdea = (id: string) => ({
  ...ideaKey(id),
  topPk: ideaKey(id)?.pk,
  id,
  iterationId: 5,
  title: 'A shared calendar per team',
  description: 'So that events are found',
  category: 'usage-convention',
  anonymous: false,
  authorEmail: employee.email,
  authorName: employee.name,
  votes: 3,
  createdAt: '2026-11-20T09:00:00.000Z',
});

function storedComment(): TStoredItem {
  const comment: Omit<TStoredIdeaComment, 'hidden'> = {
    id: COMMENT,
    ideaId: IDEA,
    text: 'Yes, one per team',
    anonymous: false,
    authorEmail: employee.email,
    authorName: employee.name,
    createdAt: '2026-11-20T09:05:00.000Z',
    authorKey: voterKeyOf(SECRET, employee.email),
    segment: frozenSegments.get(employee.email) ?? {
      team: '',
      site: '',
      trainingLevel: '',
      ambassador: 'no',
    },
    segmentIterationId: 5,
  };
  return {
    ...ideaCommentKey(COMMENT),
    queuePk: 'IDEA-COMMENT-QUEUE#visible',
    queueSk: queuePositionOf(comment),
    ...comment,
  };
}

/** Iteration 6 is a draft with its pulse (iteration 4, closed, is `closedIteration`). */
const draftIteration = {
  ...openIteration,
  id: 6,
  name: 'Iteration 6',
  status: 'draft' as const,
  pulseId: pulseIdOf(6),
  startDate: '2026-12-14',
  endDate: '2027-01-15',
  headcount: null,
  openedAt: null,
};

/** The organisation every happy request runs against. */
export function happyItems(): TStoredItem[] {
  return [
    ...defaultItems(),
    {
      ...iterationKey(4),
      iteration: closedIteration,
      pulse: { ...openPulse, id: pulseIdOf(4), iterationId: 4 },
    },
    {
      ...iterationKey(6),
      iteration: draftIteration,
      pulse: { ...openPulse, id: pulseIdOf(6), iterationId: 6 },
    },
    storedIdea(IDEA),
    storedIdea(KEPT_IDEA),
    storedComment(),
    {
      ...conventionKey(CONVENTION),
      id: CONVENTION,
      title: 'Reply in the thread',
      text: 'Not by e-mail.',
      version: 1,
      adoptedIn: { id: 4, name: 'Iteration 4' },
      idea: null,
      revisions: [
        { revision: 1, at: '2026-11-01T09:00:00.000Z', title: 'Reply', text: 'Not by e-mail.' },
      ],
    },
    ...stagedImports(),
    {
      ...draftKey(4),
      content: { ...EMPTY_REVIEW, summary: 'Training in levels worked.' },
      version: 1,
      savedAt: '2026-11-14T09:00:00.000Z',
    },
  ];
}

/** Two imports of the same two members: one staging, one with its chunk (and members) in. */
function stagedImports(): TStoredItem[] {
  const job = (id: string) => ({
    ...importKey(id),
    id,
    version: `2026-11-20T09:00:00.000Z-${id}`,
    state: 'staging',
    members: 2,
    chunkSize: 1000,
    chunks: 1,
    createdAt: '2026-11-20T09:00:00.000Z',
    against: 'v1',
    currentTotal: 2,
  });
  const ready = job(READY_IMPORT);
  return [
    { ...job(STAGING_IMPORT), received: {} },
    {
      ...ready,
      received: {
        '1': {
          first: ambassador.email,
          last: steering.email,
          count: 2,
          digest: 'd',
          written: true,
          kept: 1,
        },
      },
    },
    {
      pk: `DIRECTORY#IMPORT-${READY_IMPORT}`,
      sk: 'CHUNK#001',
      headcount: headcountOf([ambassador, steering]),
    },
    ...[ambassador, steering].map((member) => ({
      pk: `DIRECTORY#${ready.version}`,
      sk: `MEMBER#${member.email}`,
      member,
    })),
  ];
}

export type THappyRequest = {
  member: TMember | null;
  path: string;
  /** JSON, or the raw text of a CSV body. */
  body?: unknown;
  contentType?: string;
  /** Items to drop from `happyItems()` for this route's happy path (by `pk|sk`). */
  without?: string[];
};

const iteration = (id: number, rest = '') => `/api/iterations/${id}${rest}`;

/** By `METHOD path` as the route list writes it. */
export const HAPPY_REQUESTS: Record<string, THappyRequest> = {
  'GET /api/health': { member: null, path: '/api/health' },
  'GET /api/openapi.json': { member: null, path: '/api/openapi.json' },
  'GET /api/auth/dev-members': { member: null, path: '/api/auth/dev-members' },
  'POST /api/auth/dev-login': {
    member: null,
    path: '/api/auth/dev-login',
    body: { email: employee.email },
  },
  'GET /api/me': { member: employee, path: '/api/me' },
  'GET /api/pulse/current': { member: employee, path: '/api/pulse/current' },
  'POST /api/pulses/{pulseId}/responses': {
    member: employee,
    path: `/api/pulses/${openPulse.id}/responses`,
    body: { answers: validAnswers },
  },
  'GET /api/iterations': { member: steering, path: '/api/iterations' },
  'POST /api/iterations': {
    member: steering,
    path: '/api/iterations',
    body: { name: 'Iteration 7', startDate: '2027-01-18', endDate: '2027-02-12', goals: [] },
  },
  'GET /api/iterations/{id}': { member: steering, path: iteration(5) },
  'PUT /api/iterations/{id}/pulse': {
    member: steering,
    path: iteration(6, '/pulse'),
    body: defaultPulseTemplate,
  },
  'POST /api/iterations/{id}/open': {
    member: steering,
    path: iteration(6, '/open'),
    without: ['ITERATIONS|OPEN'],
  },
  'POST /api/iterations/{id}/close': { member: steering, path: iteration(5, '/close') },
  'POST /api/iterations/{id}/review': { member: steering, path: iteration(4, '/review') },
  'GET /api/iterations/{id}/results': { member: steering, path: iteration(5, '/results') },
  'PUT /api/iterations/{id}/adoption': {
    member: steering,
    path: iteration(4, '/adoption'),
    body: {
      registeredMembers: 100,
      weeklyActiveMembers: 60,
      contributors: 30,
      posts: 200,
      comments: 400,
    },
  },
  'GET /api/iterations/{id}/comments': { member: steering, path: iteration(4, '/comments') },
  'GET /api/iterations/{id}/heatmap': { member: steering, path: iteration(4, '/heatmap?by=site') },
  'GET /api/iterations/{id}/training-demand': {
    member: steering,
    path: iteration(4, '/training-demand'),
  },
  'GET /api/iterations/{id}/ideas-summary': {
    member: steering,
    path: iteration(4, '/ideas-summary'),
  },
  'GET /api/trends': { member: steering, path: '/api/trends' },
  'GET /api/involvement': { member: steering, path: '/api/involvement' },
  'GET /api/members/headcount': { member: steering, path: '/api/members/headcount' },
  'POST /api/roster/imports': {
    member: steering,
    path: '/api/roster/imports',
    body: { members: 2 },
  },
  'GET /api/roster/imports/{id}': {
    member: steering,
    path: `/api/roster/imports/${STAGING_IMPORT}`,
  },
  'PUT /api/roster/imports/{id}/chunks/{n}': {
    member: steering,
    path: `/api/roster/imports/${STAGING_IMPORT}/chunks/1`,
    body: { members: [ambassador, steering] },
  },
  'POST /api/roster/imports/{id}/complete': {
    member: steering,
    path: `/api/roster/imports/${READY_IMPORT}/complete?confirmRemoval=true`,
  },
  'GET /api/ideas': { member: employee, path: '/api/ideas' },
  'POST /api/ideas': {
    member: employee,
    path: '/api/ideas',
    body: { title: 'Team calendars', description: 'Shared', category: 'feature', anonymous: true },
  },
  'GET /api/ideas/{id}': { member: employee, path: `/api/ideas/${IDEA}` },
  'PUT /api/ideas/{id}/vote': { member: steering, path: `/api/ideas/${IDEA}/vote` },
  'DELETE /api/ideas/{id}/vote': { member: steering, path: `/api/ideas/${IDEA}/vote` },
  'PATCH /api/ideas/{id}': {
    member: employee,
    path: `/api/ideas/${IDEA}`,
    body: { title: 'A shared calendar for every team' },
  },
  'POST /api/ideas/{id}/status': {
    member: steering,
    path: `/api/ideas/${IDEA}/status`,
    body: { status: 'under-review' },
  },
  'POST /api/ideas/{id}/merge': {
    member: steering,
    path: `/api/ideas/${IDEA}/merge`,
    body: { into: KEPT_IDEA },
  },
  'GET /api/ideas/{id}/comments': { member: employee, path: `/api/ideas/${IDEA}/comments` },
  'POST /api/ideas/{id}/comments': {
    member: employee,
    path: `/api/ideas/${IDEA}/comments`,
    body: { text: 'Yes please', anonymous: true },
  },
  'POST /api/comments/{id}/hide': {
    member: steering,
    path: `/api/comments/${COMMENT}/hide`,
    body: { reason: 'Off topic' },
  },
  'GET /api/idea-comments': { member: steering, path: '/api/idea-comments' },
  'GET /api/iterations/{id}/review': { member: steering, path: iteration(4, '/review') },
  'PUT /api/iterations/{id}/review': {
    member: steering,
    path: iteration(4, '/review'),
    body: { content: { ...EMPTY_REVIEW, summary: 'It worked.' }, version: 1 },
  },
  'POST /api/iterations/{id}/review/publish': {
    member: steering,
    path: iteration(4, '/review/publish'),
  },
  'GET /api/conventions': { member: employee, path: '/api/conventions' },
  'POST /api/conventions': {
    member: steering,
    path: '/api/conventions',
    body: { title: 'One community per project', text: 'Named after it.', iterationId: 5 },
  },
  'PUT /api/conventions/{id}': {
    member: steering,
    path: `/api/conventions/${CONVENTION}`,
    body: { title: 'Reply in the thread, always', text: 'Never by e-mail.', version: 1 },
  },
  'GET /api/updates': { member: employee, path: '/api/updates' },
  'PUT /api/updates/seen': { member: employee, path: '/api/updates/seen' },
};

export const routeName = (route: TApiRoute) => `${route.method.toUpperCase()} ${route.path}`;
