import type { TShownProblem } from '$lib/i18n.svelte';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    /** Errors carry a code, so the error page can say what happened in the member's language. */
    interface Error {
      message: string;
      code?: TShownProblem;
    }
  }
}

export {};
