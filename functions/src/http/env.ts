import type { TLocalIssuer } from '../auth/local-issuer.js';
import type { TIdentity } from '../auth/identity.js';
import type { TVerifier } from '../auth/verifier.js';
import type { ConventionsRepository } from '../repositories/conventions.js';
import type { DirectoryRepository } from '../repositories/directory.js';
import type { DisclosureRepository } from '../repositories/disclosure.js';
import type { IdeaCommentsRepository } from '../repositories/idea-comments.js';
import type { IdeasRepository } from '../repositories/ideas.js';
import type { InvolvementRepository } from '../repositories/involvement.js';
import type { IterationsRepository } from '../repositories/iterations.js';
import type { ReleasesRepository } from '../repositories/releases.js';
import type { MemberVisitsRepository } from '../repositories/member-visits.js';
import type { ResponsesRepository } from '../repositories/responses.js';
import type { RosterImportsRepository } from '../repositories/roster-imports.js';
import type { ReviewsRepository } from '../repositories/reviews.js';
import type { OpenIterations } from '../services/open-iterations.js';

/** What the app needs from the outside world; built once per process (Lambda or Node). */
export type TAppDeps = {
  iterations: IterationsRepository;
  /** What answers and votes need of an iteration, read once per process (ADR 0021). */
  openIterations: OpenIterations;
  directory: DirectoryRepository;
  /** Rosters staged in chunks before the directory switches to them (ADR 0025). */
  rosterImports: RosterImportsRepository;
  /** Members' disclosure segments, frozen when an iteration opens. */
  disclosure: DisclosureRepository;
  responses: ResponsesRepository;
  releases: ReleasesRepository;
  ideas: IdeasRepository;
  /** What members did around ideas, counted once per closed iteration. */
  involvement: InvolvementRepository;
  ideaComments: IdeaCommentsRepository;
  conventions: ConventionsRepository;
  /** When each member last read their updates, keyed by the member's HMAC. */
  visits: MemberVisitsRepository;
  /** The steering group's written reviews: drafts and published revisions. */
  reviews: ReviewsRepository;
  /** Only where pulses are answered; the steering function never holds it. */
  receiptSecret: string | null;
  k: number;
  /** Free text only for groups of at least this many respondents, at least k (rule 3). */
  commentK: number;
  now: () => Date;
  verify: TVerifier;
  /** Present only with the local issuer: enables the demo sign-in routes. */
  localIssuer: TLocalIssuer | null;
  /** In AWS, what CloudFront adds to every request: without it, a request came around it. */
  originSecret: string | null;
};

export type TAppEnv = { Variables: { identity: TIdentity } };
