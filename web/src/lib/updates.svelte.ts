import type { TUpdates, TUpdatesSeen } from '@boucle/shared';
import { api, typedAs } from './api';

/**
 * The signed-in member's updates, for the nav badge and the pulse's first card: asked once per
 * sign-in, beside the layout rather than in its load, so no page waits for it.
 */
export const myUpdates = $state<{ token: string | null; updates: TUpdates | null }>({
  token: null,
  updates: null,
});

export function followUpdates(token: string): void {
  if (myUpdates.token === token) return;
  myUpdates.token = token;
  myUpdates.updates = null;
  api('/updates', typedAs<TUpdates>())
    .then((updates) => {
      if (myUpdates.token === token) myUpdates.updates = updates;
    })
    .catch(() => {
      // No badge is the honest fallback; the next sign-in or visit of /updates asks again.
      if (myUpdates.token === token) myUpdates.token = null;
    });
}

/** The member read these updates: recorded, and the badge goes to nothing new. */
export async function markSeen(updates: TUpdates): Promise<void> {
  const { lastVisit } = await api('/updates/seen', typedAs<TUpdatesSeen>(), { method: 'PUT' });
  myUpdates.updates = { ...updates, lastVisit, unseen: 0 };
}
