import { MIN_ANONYMITY_THRESHOLD } from './suppression.js';

/** Free text is shown only for groups of at least this many respondents (rule 3). */
export const DEFAULT_COMMENT_K = 10;

/**
 * Free text is shown only for groups of at least commentK respondents (rule 3). A commentK under
 * the lowest k allowed is raised to it: free text never goes below the anonymity threshold floor.
 */
export function mayShowComments(respondents: number, commentK: number): boolean {
  return respondents >= Math.max(commentK, MIN_ANONYMITY_THRESHOLD);
}
