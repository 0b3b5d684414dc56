/**
 * Every route of the one route list against every kind of token: the bad ones are nobody (401)
 * on every route that needs a token, and each role is let through exactly where the list says.
 * Generated from the list, so a route added tomorrow is checked the day it is added.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { rolesOf, type TMember } from '@boucle/shared';
import { importJWK, SignJWT, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { employee, mockedApp, steering } from '../testing/mocked-app.js';
import { apiRoutes } from './routes.js';

type TMocked = Awaited<ReturnType<typeof mockedApp>>;
type TRoute = (typeof apiRoutes)[number];

let mocked: TMocked;
beforeAll(async () => {
  mocked = await mockedApp();
  mocked.dynamo.on(QueryCommand).resolves({ Items: [] });
});

const concrete = (path: string) => path.replace('{id}', '5').replace('{pulseId}', 'pulse-5');
const routeName = (route: TRoute) => `${route.method.toUpperCase()} ${route.path}`;
const needsToken = (route: TRoute) => route['x-roles'].length > 0;

/** A token signed with the app's own key, with these claims changed. */
async function signed(claims: JWTPayload, change: (jwt: SignJWT) => SignJWT = (jwt) => jwt) {
  const { privateJwk, publicJwk } = mocked.keyPair;
  const jwt = new SignJWT({
    email: steering.email,
    email_verified: true,
    name: steering.name,
    roles: rolesOf(steering),
    ...claims,
  })
    .setProtectedHeader({ alg: 'ES256', kid: publicJwk.kid ?? 'local' })
    .setIssuer('test-issuer')
    .setAudience('boucle')
    .setIssuedAt()
    .setExpirationTime('1h');
  return change(jwt).sign(await importJWK(privateJwk, 'ES256'));
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Tokens that must get nobody through: each a way a forged or stale token looks. */
const BAD_TOKENS: Record<string, () => Promise<string>> = {
  expired: () =>
    signed({}, (jwt) => jwt.setIssuedAt(1_600_000_000).setExpirationTime(1_600_003_600)),
  'bad signature': async () => {
    const token = await signed({});
    const [header, payload] = token.split('.');
    return `${header}.${payload}.${'A'.repeat(86)}`;
  },
  'wrong issuer': () => signed({}, (jwt) => jwt.setIssuer('https://elsewhere.example')),
  'wrong audience': () => signed({}, (jwt) => jwt.setAudience('another-app')),
  'alg none': async () =>
    `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({
      email: steering.email,
      email_verified: true,
      roles: ['steering'],
      iss: 'test-issuer',
      aud: 'boucle',
      exp: Math.floor(Date.now() / 1000) + 3600,
    })}.`,
  'unverified email': () => signed({ email_verified: false }),
  'not a token': async () => 'not-a-token',
};

async function answer(route: TRoute, token: string | null): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const response = await mocked.app.request(concrete(route.path), {
    method: route.method.toUpperCase(),
    headers,
  });
  return response.status;
}

describe.each(Object.keys(BAD_TOKENS))('a token that is %s', (kind) => {
  it.each(apiRoutes.map((route) => ({ name: routeName(route), route })))(
    '$name: 401 where a token is needed',
    async ({ route }) => {
      const token = await BAD_TOKENS[kind]?.();
      const status = await answer(route, token ?? null);
      if (needsToken(route)) expect(status).toBe(401);
      else expect(status).not.toBe(401);
    },
  );
});

const ambassador: TMember = { ...employee, email: 'amy@example.com', ambassador: true };
const MEMBERS: Record<string, TMember> = { employee, ambassador, steering };

describe.each(Object.keys(MEMBERS))('signed in as %s', (who) => {
  it.each(apiRoutes.filter(needsToken).map((route) => ({ name: routeName(route), route })))(
    '$name: let through exactly when the route list names a role of theirs',
    async ({ route }) => {
      const member = MEMBERS[who] as TMember;
      const allowed = route['x-roles'].some((role) => rolesOf(member).includes(role));
      const status = await answer(route, await mocked.tokenFor(member));
      expect(status).not.toBe(401);
      if (allowed) expect(status).not.toBe(403);
      else expect(status).toBe(403);
    },
  );
});
