import { ZAuthConfig, type TAuthConfig } from '@boucle/shared';

/**
 * How members sign in, from `/auth-config.json`: written beside the web app at deploy time in
 * AWS (Cognito's hosted sign-in), served by `npm start` locally (the demo member list).
 */
export async function authConfigOf(): Promise<TAuthConfig> {
  const response = await fetch('/auth-config.json', { cache: 'no-store' });
  if (!response.ok)
    throw new Error(`The sign-in settings could not be loaded (${response.status})`);
  return ZAuthConfig.parse(await response.json());
}
