import { DomainError } from '@boucle/shared';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import { identityOf, type TIdentity } from './identity.js';

export type TVerifier = (token: string) => Promise<TIdentity | null>;

export type TVerifierConfig = {
  issuer: string;
  audience: string;
  /** Cognito's JWKS URL in AWS, or the local public keys for `npm start` and tests. */
  keys: URL | JSONWebKeySet;
};

/** What jose throws when the key set cannot be had, as opposed to a token that is bad. */
const KEY_SET_UNAVAILABLE = new Set(['ERR_JOSE_GENERIC', 'ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID']);

/**
 * One verifier, two configurations: the same code checks Cognito and local tokens. A bad token
 * is nobody (401); a key set that cannot be fetched is our outage (503), not the member's fault.
 */
export function createVerifier({ issuer, audience, keys }: TVerifierConfig): TVerifier {
  // Made at the first token, not at start: jose's remote set builds a `Headers`, which loads
  // Node's fetch (undici, ~14 ms) while the function starts; the first request loads it anyway.
  let keySet: JWTVerifyGetKey | undefined;
  return async (token) => {
    keySet ??= keys instanceof URL ? createRemoteJWKSet(keys) : createLocalJWKSet(keys);
    try {
      const { payload } = await jwtVerify(token, keySet, { issuer, audience });
      return identityOf(payload);
    } catch (error) {
      if (!(error instanceof errors.JOSEError) || KEY_SET_UNAVAILABLE.has(error.code)) {
        throw new DomainError('auth_unavailable', 'Sign-in cannot be checked right now');
      }
      return null;
    }
  };
}
