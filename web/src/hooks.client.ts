import { makeZodJitless } from '$lib/zod-jitless';

// This module is imported before any page's code, so the shared schemas, on whichever page
// loads them, are all built without `new Function`.
makeZodJitless();
