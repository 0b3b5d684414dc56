import { DomainError, rolesOf } from '@boucle/shared';
import * as routes from '../api/routes.js';
import type { TLocalIssuer } from '../auth/local-issuer.js';
import type { TApi } from '../http/api.js';
import type { TAppDeps } from '../http/env.js';

/** Demo sign-in for `npm start` and tests: served only when the app runs its local issuer. */
export function serveDemoSignIn(api: TApi, deps: TAppDeps, issuer: TLocalIssuer): void {
  api.serve(routes.devMembers, async (c) => {
    const members = await deps.directory.members();
    return c.json(
      {
        members: members.map((member) => ({
          email: member.email,
          name: member.name,
          team: member.team,
          roles: rolesOf(member),
        })),
      },
      200,
    );
  });
  api.serve(routes.devLogin, async (c) => {
    const member = await deps.directory.memberByEmail(c.req.valid('json').email);
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
    return c.json({ token }, 200);
  });
}
