import { redirect } from '@sveltejs/kit';
import { ApiError } from '$lib/api';
import { loadMessages } from '$lib/i18n.svelte';
import type { TSignedIn } from '$lib/load';
import { signedInMember } from '$lib/me';
import { tokenOf } from '$lib/session';
import type { LayoutLoad } from './$types';

// A client-only app: the static files are served as they are and the API is called from the browser.
export const ssr = false;
export const prerender = false;

// What every member opens on a phone needs only the pulse's book of words (ADR 0026); the home
// page sends members there.
const PULSE_PAGES = new Set(['/', '/pulse', '/receipt']);

/**
 * Who is signed in, for every page: the sign-in pages are open to all, every other page sends a
 * visitor without a session to sign in, except the privacy page, which anyone may read (it still
 * learns who is signed in, so the menu stays). It throws no error but the language's words
 * failing to arrive (no page can show anything without them): one thrown from the root layout
 * replaces the app with SvelteKit's bare fallback page, so the pages that need the member raise
 * it (`requireMember`), and the others still work.
 */
export const load: LayoutLoad = async ({ url, fetch }): Promise<TSignedIn> => {
  // The language's words are fetched beside the member, and both are here before the first render.
  const words = loadMessages(!PULSE_PAGES.has(url.pathname));
  const [signedIn] = await Promise.all([whoIsSignedIn(url, fetch), words]);
  return signedIn;
};

async function whoIsSignedIn(url: URL, fetch: typeof globalThis.fetch): Promise<TSignedIn> {
  const signedOut = { me: null, problem: null };
  if (url.pathname === '/signin' || url.pathname.startsWith('/signin/')) return signedOut;
  const openToAll = url.pathname === '/privacy';
  const token = tokenOf();
  if (!token) return openToAll ? signedOut : redirect(307, '/signin');
  try {
    return { me: await signedInMember(fetch, token), problem: null };
  } catch (cause) {
    if (cause instanceof ApiError && cause.status === 401)
      return openToAll ? signedOut : redirect(307, '/signin');
    if (cause instanceof ApiError) return { me: null, problem: cause };
    throw cause;
  }
}
