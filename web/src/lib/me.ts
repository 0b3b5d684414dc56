import type { TMe } from '@boucle/shared';
import { api, typedAs } from './api';

let asked: { token: string; me: Promise<TMe> } | null = null;

/**
 * The signed-in member, asked of the API once per sign-in: the layout's load runs on every
 * navigation. A failed answer is forgotten, so the next navigation or retry asks again.
 */
export function signedInMember(fetcher: typeof fetch, token: string): Promise<TMe> {
  if (asked?.token !== token) {
    const me = api('/me', typedAs<TMe>(), { fetch: fetcher });
    asked = { token, me };
    me.catch(() => {
      if (asked?.me === me) asked = null;
    });
  }
  return asked.me;
}
