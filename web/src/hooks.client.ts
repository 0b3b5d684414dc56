import * as z from 'zod';

// zod compiles object parsers with `new Function` unless told not to, and merely probing for
// it is reported as a CSP violation. This module is imported before any page's code, so the
// shared schemas are all built without it.
z.config({ jitless: true });
