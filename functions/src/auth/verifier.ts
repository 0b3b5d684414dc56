import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { identityOf, type TIdentity } from './identity.js';

export type TVerifier = (token: string) => Promise<TIdentity | null>;

export type TVerifierConfig = {
  issuer: string;
  audience: string;
  /** Cognito's JWKS URL in AWS, or the local public keys for `npm start` and tests. */
  keys: URL | JSONWebKeySet;
};

/** One verifier, two configurations: the same code checks Cognito and local tokens. */
export function createVerifier({ issuer, audience, keys }: TVerifierConfig): TVerifier {
  const keySet = keys instanceof URL ? createRemoteJWKSet(keys) : createLocalJWKSet(keys);
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keySet, { issuer, audience });
      return identityOf(payload);
    } catch {
      return null;
    }
  };
}
