import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TLocalIssuer } from './auth/local-issuer.js';
import { createVerifier } from './auth/verifier.js';
import { createDocumentClient } from './clients/dynamodb.js';
import type { TConfig } from './config.js';
import type { TAppDeps } from './http/env.js';
import { ConventionsRepository } from './repositories/conventions.js';
import { DirectoryRepository } from './repositories/directory.js';
import { DisclosureRepository } from './repositories/disclosure.js';
import { IdeaCommentsRepository } from './repositories/idea-comments.js';
import { IdeasRepository } from './repositories/ideas.js';
import { InvolvementRepository } from './repositories/involvement.js';
import { IterationsRepository } from './repositories/iterations.js';
import { MemberVisitsRepository } from './repositories/member-visits.js';
import { ReleasesRepository } from './repositories/releases.js';
import { ResponsesRepository } from './repositories/responses.js';
import { RosterImportsRepository } from './repositories/roster-imports.js';
import { ReviewsRepository } from './repositories/reviews.js';
import type { TRetryOptions } from './repositories/retry.js';
import { OpenIterations } from './services/open-iterations.js';

/** What tests and the bench may set that configuration does not. */
export type TDepsOverrides = {
  /** How a submission retries a conflict with another writer; tests shorten the backoff. */
  retry?: TRetryOptions;
  now?: () => Date;
};

export type TDepsSources = {
  config: TConfig;
  /** The caller's client: it keeps owning it and destroys it when done. */
  client: DynamoDBClient;
  /** The local key pair (npm start, tests, bench); null where Cognito signs the tokens. */
  localIssuer: TLocalIssuer | null;
  overrides?: TDepsOverrides;
};

/**
 * The one place the app's dependencies are wired, for Lambda, `npm start`, the tests and the
 * bench: repositories on the configured table, and the token verifier (Cognito or local keys).
 */
export function createDeps({
  config,
  client,
  localIssuer,
  overrides = {},
}: TDepsSources): TAppDeps {
  const documents = createDocumentClient(client);
  const table = { tableName: config.TABLE_NAME };
  const keys = config.AUTH_JWKS_URL ? new URL(config.AUTH_JWKS_URL) : localIssuer?.publicKeys;
  if (!keys) throw new Error('Set AUTH_JWKS_URL, or run with the local issuer');
  return {
    iterations: new IterationsRepository(documents, table),
    openIterations: new OpenIterations(new IterationsRepository(documents, table)),
    directory: new DirectoryRepository(documents, table),
    rosterImports: new RosterImportsRepository(documents, table),
    disclosure: new DisclosureRepository(documents, table),
    responses: new ResponsesRepository(documents, table, config.TALLY_SHARDS, overrides.retry),
    releases: new ReleasesRepository(documents, table),
    ideas: new IdeasRepository(documents, table, overrides.retry),
    involvement: new InvolvementRepository(documents, table),
    ideaComments: new IdeaCommentsRepository(documents, table, overrides.retry),
    conventions: new ConventionsRepository(documents, table),
    visits: new MemberVisitsRepository(documents, table),
    reviews: new ReviewsRepository(documents, table),
    receiptSecret: config.RECEIPT_SECRET ?? null,
    originSecret: config.ORIGIN_SECRET ?? null,
    k: config.ANONYMITY_K,
    commentK: Math.max(config.COMMENT_K, config.ANONYMITY_K),
    now: overrides.now ?? (() => new Date()),
    verify: createVerifier({ issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE, keys }),
    localIssuer: config.AUTH_JWKS_URL ? null : localIssuer,
  };
}
