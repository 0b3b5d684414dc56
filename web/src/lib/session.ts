const TOKEN_KEY = 'boucle.token';

/** The signed-in member's token, kept for the browser tab's life. */
export function tokenOf(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function signIn(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}
