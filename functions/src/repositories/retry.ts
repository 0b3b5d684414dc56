export type TRetryOptions = { attempts: number; baseDelayMs: number; maxDelayMs: number };

export const DEFAULT_RETRY: TRetryOptions = { attempts: 12, baseDelayMs: 15, maxDelayMs: 800 };

/**
 * Retries `work` while `shouldRetry` says so, sleeping a "full jitter" backoff between tries so
 * that concurrent writers that collided spread out instead of colliding again.
 */
export async function retryWithJitter<T>(
  work: () => Promise<T>,
  shouldRetry: (error: unknown) => boolean,
  { attempts, baseDelayMs, maxDelayMs }: TRetryOptions = DEFAULT_RETRY,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !shouldRetry(error)) throw error;
      const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    }
  }
}
