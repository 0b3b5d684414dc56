import { createServer, type Server } from 'node:http';
import { DomainError } from '@boucle/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { importJWK, SignJWT } from 'jose';
import { createLocalIssuer, generateLocalKeyPair } from './local-issuer.js';
import { createVerifier } from './verifier.js';

let server: Server | null = null;
let keySetRequests = 0;
afterEach(() => {
  server?.close();
  keySetRequests = 0;
});

/** A key set endpoint on loopback that answers with the given status and body. */
async function keySetServer(status: number, body: unknown): Promise<URL> {
  server = createServer((_, response) => {
    keySetRequests += 1;
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return new URL(`http://127.0.0.1:${port}/jwks.json`);
}

describe('createVerifier with a remote key set', () => {
  it('knows the member when the key set is served, fetched at the first token only', async () => {
    const keys = await generateLocalKeyPair();
    const issuer = await createLocalIssuer(keys, 'https://issuer', 'boucle');
    const verify = createVerifier({
      issuer: 'https://issuer',
      audience: 'boucle',
      keys: await keySetServer(200, { keys: [keys.publicJwk] }),
    });
    expect(keySetRequests).toBe(0);
    for (const email of ['ana@example.com', 'bob@example.com', 'chloe@example.com']) {
      const token = await issuer.sign({ email, name: email, roles: [] });
      expect(await verify(token)).toMatchObject({ email });
    }
    expect(keySetRequests).toBe(1);
  });

  it('says the sign-in check is unavailable when the key set answers 500', async () => {
    const issuer = await createLocalIssuer(
      await generateLocalKeyPair(),
      'https://issuer',
      'boucle',
    );
    const verify = createVerifier({
      issuer: 'https://issuer',
      audience: 'boucle',
      keys: await keySetServer(500, { message: 'down' }),
    });
    const token = await issuer.sign({ email: 'ana@example.com', name: 'Ana', roles: [] });
    const refusal = await verify(token).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'auth_unavailable' });
  });

  it('says the same when nothing listens, but a malformed token is simply nobody', async () => {
    const issuer = await createLocalIssuer(
      await generateLocalKeyPair(),
      'https://issuer',
      'boucle',
    );
    const url = await keySetServer(200, {});
    await new Promise<void>((done) => server?.close(() => done()));
    server = null;
    const verify = createVerifier({ issuer: 'https://issuer', audience: 'boucle', keys: url });
    const token = await issuer.sign({ email: 'ana@example.com', name: 'Ana', roles: [] });
    await expect(verify(token)).rejects.toMatchObject({ code: 'auth_unavailable' });
    expect(await verify('not-a-jwt')).toBeNull();
  });
});

describe('createVerifier with a well-signed token', () => {
  it('takes a verified email and refuses the same token whose email is unverified', async () => {
    const keys = await generateLocalKeyPair();
    const verify = createVerifier({
      issuer: 'https://issuer',
      audience: 'boucle',
      keys: { keys: [keys.publicJwk] },
    });
    const privateKey = await importJWK(keys.privateJwk, 'ES256');
    const tokenOf = (claims: Record<string, unknown>) =>
      new SignJWT({ email: 'ana@example.com', name: 'Ana', ...claims })
        .setProtectedHeader({ alg: 'ES256', kid: keys.publicJwk.kid ?? 'local' })
        .setIssuer('https://issuer')
        .setAudience('boucle')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
    expect(await verify(await tokenOf({ email_verified: true }))).toMatchObject({
      email: 'ana@example.com',
    });
    expect(await verify(await tokenOf({ email_verified: false }))).toBeNull();
    expect(await verify(await tokenOf({}))).toBeNull();
  });
});
