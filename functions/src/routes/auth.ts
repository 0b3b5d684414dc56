import { DomainError, rolesOf, ZDevLoginInput, type TDevMember } from '@boucle/shared';
import { Hono } from 'hono';
import type { TLocalIssuer } from '../auth/local-issuer.js';
import { parseInput, readJson } from '../http/validate.js';
import type { TAppDeps } from '../http/env.js';

/** Demo sign-in for `npm start` and tests: mounted only when the app runs its local issuer. */
export function devAuthRoutes(deps: TAppDeps, issuer: TLocalIssuer): Hono {
  return new Hono()
    .get('/dev-members', async (c) => {
      const members = await deps.directory.members();
      const devMembers: TDevMember[] = members.map((member) => ({
        email: member.email,
        name: member.name,
        team: member.team,
        roles: rolesOf(member),
      }));
      return c.json({ members: devMembers });
    })
    .post('/dev-login', async (c) => {
      const { email } = parseInput(ZDevLoginInput, await readJson(c.req.raw));
      const member = await deps.directory.memberByEmail(email);
      if (!member) {
        throw new DomainError('unknown_member', 'No member with this email', {
          email: 'unknown member',
        });
      }
      const token = await issuer.sign({
        email: member.email,
        name: member.name,
        roles: rolesOf(member),
      });
      return c.json({ token });
    });
}
