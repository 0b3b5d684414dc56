import { ZMe, type TMe } from '@boucle/shared';
import { api } from './api';
import { session } from './session.svelte';

let pending: Promise<TMe> | null = null;

/** The signed-in member, fetched once even when the layout and a page both ask at once. */
export function loadMe(): Promise<TMe> {
  pending ??= api('/me', ZMe)
    .then((me) => (session.me = me))
    .finally(() => (pending = null));
  return pending;
}
