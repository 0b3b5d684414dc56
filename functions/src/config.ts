import {
  DEFAULT_ANONYMITY_THRESHOLD,
  DEFAULT_COMMENT_K,
  MIN_ANONYMITY_THRESHOLD,
} from '@boucle/shared';
import * as z from 'zod';

/** Everything the app reads from its environment, checked once at start. */
const ZConfig = z.object({
  TABLE_NAME: z.string().min(1).default('boucle'),
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().min(1).default('eu-west-3'),
  RECEIPT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ANONYMITY_K: z.coerce
    .number()
    .int()
    .min(MIN_ANONYMITY_THRESHOLD)
    .default(DEFAULT_ANONYMITY_THRESHOLD),
  /** Fewest respondents a group needs for its free text to be shown (rule 3); never under k. */
  COMMENT_K: z.coerce.number().int().min(MIN_ANONYMITY_THRESHOLD).default(DEFAULT_COMMENT_K),
  /** Shards of each tally group and of responses: 20 keeps a 5,000-answer second under 1,000 WCU per partition (ADR 21). */
  TALLY_SHARDS: z.coerce.number().int().min(1).max(100).default(20),
  AUTH_ISSUER: z.string().min(1),
  AUTH_AUDIENCE: z.string().min(1),
  /** Remote JWKS (Cognito). Without it the app expects a local key pair and offers dev sign-in. */
  AUTH_JWKS_URL: z.url().optional(),
  /**
   * The value CloudFront sends as `x-origin-verify` (docs/adr/0023). Set, a request without it is
   * refused: the API Gateway's own URL does not get around CloudFront's headers and functions.
   */
  ORIGIN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
});
export type TConfig = z.infer<typeof ZConfig>;

export function readConfig(env: Record<string, string | undefined> = process.env): TConfig {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}
