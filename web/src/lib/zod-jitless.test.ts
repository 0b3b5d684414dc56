import { describe, expect, it } from 'vitest';
import { makeZodJitless } from './zod-jitless';

describe('zod without new Function', () => {
  // Guards a zod upgrade: the setting lives where this version of zod reads it.
  it('is what zod reads as its configuration', async () => {
    makeZodJitless();
    const { config } = await import('zod');
    expect(config().jitless).toBe(true);
  });
});
