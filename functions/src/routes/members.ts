import {
  decodeRoster,
  DomainError,
  needsRemovalConfirmation,
  parseRoster,
  rosterRemoval,
  type TRosterError,
} from '@boucle/shared';
import * as routes from '../api/routes.js';
import type { TApi } from '../http/api.js';
import type { TAppDeps } from '../http/env.js';

/** Steering: the roster, imported as CSV; all of it or nothing. */
export function serveMembers(api: TApi, deps: TAppDeps): void {
  api.serve(routes.headcount, async (c) => c.json(await deps.directory.headcount(), 200));
  api.serve(routes.importRoster, async (c) => {
    const decoded = decodeRoster(new Uint8Array(await c.req.arrayBuffer()));
    if (!decoded.ok) throw refusalOf(decoded.errors);
    const parsed = parseRoster(decoded.text);
    if (!parsed.ok) throw refusalOf(parsed.errors);
    const removal = rosterRemoval(
      (await deps.directory.members()).map((member) => member.email),
      parsed.members,
    );
    if (needsRemovalConfirmation(removal) && c.req.valid('query').confirmRemoval !== 'true') {
      throw new DomainError(
        'roster_shrinks',
        `This file removes ${removal.removed} of the ${removal.current} members; nothing was imported`,
        {
          confirmRemoval: `removes ${removal.removed} of ${removal.current} members: send again with confirmRemoval=true to import it`,
        },
      );
    }
    await deps.directory.replace(parsed.members, deps.now());
    return c.json({ imported: parsed.members.length }, 200);
  });
}

function refusalOf(errors: readonly TRosterError[]): DomainError {
  return new DomainError(
    'invalid_input',
    `The roster has ${errors.length} error(s); nothing was imported`,
    Object.fromEntries(errors.map((e) => [`line.${e.line}.${e.field}`, e.message])),
  );
}
