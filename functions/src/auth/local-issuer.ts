import { exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import type { TIdentity } from './identity.js';

const ALGORITHM = 'ES256';

export type TLocalIssuer = {
  issuer: string;
  audience: string;
  publicKeys: JSONWebKeySet;
  sign: (identity: TIdentity) => Promise<string>;
};

export type TLocalKeyPair = { privateJwk: JWK; publicJwk: JWK };

export async function generateLocalKeyPair(): Promise<TLocalKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const kid = `boucle-local-${Date.now().toString(36)}`;
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' },
  };
}

/** Signs the same kind of JWT as production, with a local key, for `npm start` and tests only. */
export async function createLocalIssuer(
  keyPair: TLocalKeyPair,
  issuer: string,
  audience: string,
): Promise<TLocalIssuer> {
  const privateKey = await importJWK(keyPair.privateJwk, ALGORITHM);
  return {
    issuer,
    audience,
    publicKeys: { keys: [keyPair.publicJwk] },
    sign: ({ email, name, roles }) =>
      // The demo's directory is the local identity provider: its addresses are verified.
      new SignJWT({ email, email_verified: true, name, roles })
        .setProtectedHeader({ alg: ALGORITHM, kid: keyPair.publicJwk.kid ?? 'local' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject(email)
        .setIssuedAt()
        .setExpirationTime('12h')
        .sign(privateKey),
  };
}
