import type { TAuthConfig } from '@boucle/shared';

type TCognito = Extract<TAuthConfig, { mode: 'cognito' }>;

const PENDING_KEY = 'boucle.signin';

/** Why the hosted sign-in did not give a token; the page says it in the member's language. */
export type TSignInProblem = 'signin_refused' | 'signin_expired' | 'signin_failed';

export class SignInError extends Error {
  constructor(readonly code: TSignInProblem) {
    super(code);
  }
}

const redirectUri = () => `${location.origin}/signin/callback`;

function randomText(bytes: number): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Sends the member to the company's hosted sign-in (authorization code with PKCE). */
export async function startHostedSignIn(config: TCognito): Promise<void> {
  const verifier = randomText(48);
  const state = randomText(16);
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state }));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  const url = new URL(`https://${config.domain}/oauth2/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid email profile',
    state,
    code_challenge: base64Url(new Uint8Array(digest)),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url);
}

/** Exchanges the code the hosted sign-in returned for the ID token the API expects. */
export async function finishHostedSignIn(
  config: TCognito,
  params: URLSearchParams,
): Promise<string> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as {
    verifier: string;
    state: string;
  } | null;
  sessionStorage.removeItem(PENDING_KEY);
  const code = params.get('code');
  if (params.get('error')) throw new SignInError('signin_refused');
  if (!pending || !code || params.get('state') !== pending.state) {
    throw new SignInError('signin_expired');
  }
  const response = await fetch(`https://${config.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code,
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }),
  });
  const tokens = (await response.json().catch(() => ({}))) as { id_token?: string };
  if (!response.ok || !tokens.id_token) throw new SignInError('signin_failed');
  return tokens.id_token;
}
