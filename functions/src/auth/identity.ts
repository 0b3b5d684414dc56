import { ZRole, type TRole } from '@boucle/shared';
import type { JWTPayload } from 'jose';

const MAX_EMAIL_LENGTH = 254;

/** Who is calling, as the token says. */
export type TIdentity = { email: string; name: string; roles: TRole[] };

/**
 * Local tokens carry `roles`; Cognito ID tokens carry the user pool groups in `cognito:groups`.
 * The member is chosen by email, so only an address the identity provider verified counts: an
 * unverified one could be anybody's, a colleague's included.
 */
export function identityOf(payload: JWTPayload): TIdentity | null {
  const email = typeof payload.email === 'string' ? payload.email.toLowerCase() : null;
  // Longer than an address can be (RFC 5321): nobody, rather than a key DynamoDB refuses.
  if (!email || email.length > MAX_EMAIL_LENGTH || !emailVerified(payload.email_verified)) {
    return null;
  }
  const claimed = payload.roles ?? payload['cognito:groups'] ?? [];
  const roles = Array.isArray(claimed)
    ? claimed.flatMap((role) => {
        const parsed = ZRole.safeParse(role);
        return parsed.success ? [parsed.data] : [];
      })
    : [];
  if (!roles.includes('employee')) roles.unshift('employee');
  const name = typeof payload.name === 'string' ? payload.name : email;
  return { email, name, roles };
}

/** Cognito says `true`; some providers federated through it say `"true"`. */
function emailVerified(claim: unknown): boolean {
  return claim === true || claim === 'true';
}
