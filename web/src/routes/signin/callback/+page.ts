import { error, redirect } from '@sveltejs/kit';
import { authConfigOf } from '$lib/auth-config';
import { finishHostedSignIn, SignInError } from '$lib/hosted-signin';
import { failLoad } from '$lib/load';
import { signIn } from '$lib/session';
import type { PageLoad } from './$types';

/** Back from the company's hosted sign-in: trade the code for a token, then go home. */
export const load: PageLoad = async ({ url, fetch }) => {
  const config = await authConfigOf(fetch).catch(failLoad);
  if (config.mode !== 'cognito') redirect(307, '/signin');
  try {
    signIn(await finishHostedSignIn(config, url.searchParams));
  } catch (cause) {
    const code = cause instanceof SignInError ? cause.code : 'signin_failed';
    error(401, { message: String(cause), code });
  }
  redirect(303, '/');
};
