import {
  DomainError,
  registerOrder,
  type TConvention,
  type TConventionInput,
  type TConventionList,
  type TConventionRevisionInput,
  MAX_CONVENTION_REVISIONS,
} from '@boucle/shared';
import type { TAppDeps } from '../http/env.js';
import { newConventionId, type TStoredConvention } from '../repositories/conventions.js';

/** What every member reads: the current text first, then the older ones, newest first. */
export function conventionFor(stored: TStoredConvention): TConvention {
  return {
    id: stored.id,
    title: stored.title,
    text: stored.text,
    version: stored.version,
    adoptedIn: stored.adoptedIn,
    idea: stored.idea,
    revisions: [...stored.revisions].reverse(),
  };
}

export async function listConventions(deps: TAppDeps): Promise<TConventionList> {
  const stored = await deps.conventions.list();
  return { conventions: registerOrder(stored.map(conventionFor)) };
}

/** The idea a convention is adopted from: one that exists, of category usage convention. */
async function sourceIdea(deps: TAppDeps, ideaId: string | undefined) {
  if (ideaId === undefined) return null;
  const idea = await deps.ideas.get(ideaId);
  if (!idea) {
    throw new DomainError('invalid_input', 'No such idea', { ideaId: 'no idea has this id' });
  }
  if (idea.category !== 'usage-convention') {
    throw new DomainError('invalid_input', 'Not a usage convention', {
      ideaId: 'the idea is not of category usage convention',
    });
  }
  return { id: idea.id, title: idea.title };
}

export async function adoptConvention(
  deps: TAppDeps,
  input: TConventionInput,
): Promise<TConvention> {
  const [iteration, idea] = await Promise.all([
    deps.iterations.get(input.iterationId),
    sourceIdea(deps, input.ideaId),
  ]);
  if (!iteration) {
    throw new DomainError('invalid_input', 'No such iteration', {
      iterationId: 'no iteration has this id',
    });
  }
  const now = deps.now();
  const stored = await deps.conventions.adopt({
    id: newConventionId(now),
    title: input.title,
    text: input.text,
    version: 1,
    // The iteration's name is kept as adopted, so members read it without the iterations list.
    adoptedIn: { id: iteration.iteration.id, name: iteration.iteration.name },
    idea,
    revisions: [{ revision: 1, at: now.toISOString(), title: input.title, text: input.text }],
  });
  return conventionFor(stored);
}

export async function reviseConvention(
  deps: TAppDeps,
  id: string,
  input: TConventionRevisionInput,
): Promise<TConvention> {
  const current = await deps.conventions.get(id);
  if (!current) throw new DomainError('not_found', 'No such convention');
  if (current.version !== input.version) {
    throw new DomainError('convention_changed', 'Someone revised this convention first');
  }
  if (current.revisions.length >= MAX_CONVENTION_REVISIONS) {
    throw new DomainError('invalid_input', 'Too many revisions', {
      version: `a convention keeps at most ${MAX_CONVENTION_REVISIONS} revisions; adopt a new one`,
    });
  }
  const revision = {
    revision: input.version + 1,
    at: deps.now().toISOString(),
    title: input.title,
    text: input.text,
  };
  return conventionFor(await deps.conventions.revise(id, input.version, revision));
}
