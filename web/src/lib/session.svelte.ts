import type { TMe } from '@boucle/shared';

const TOKEN_KEY = 'boucle.token';

/** The signed-in member's token, kept for the browser tab's life. */
export const session = $state<{ token: string | null; me: TMe | null }>({
  token: typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(TOKEN_KEY),
  me: null,
});

export function signIn(token: string): void {
  session.token = token;
  session.me = null;
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function signOut(): void {
  session.token = null;
  session.me = null;
  sessionStorage.removeItem(TOKEN_KEY);
}
