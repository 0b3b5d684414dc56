// Its own module, free of schemas: the web imports it without zod.

/**
 * The value a disclosure segment shows where a member's own value is too rare: "other teams",
 * "other sites"… (see disclosure/). Shown as a group of its own, never only hidden.
 */
export const POOLED = '*';
