/**
 * The disclosure module: the one place that decides what Boucle may show (PRODUCT.md, "Anonymity
 * rules"). Pure functions, no I/O; every route that shows, exports or returns figures goes through
 * them.
 *
 * | Rule                                  | Function                                | What it guarantees                                                                                                                                                                      |
 * | ------------------------------------- | --------------------------------------- | --------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------- |
 * | 1. no segment under k members         | `disclosureSegments` (segments.ts)      | every distinct segment (team, site, level, ambassador) is held by ≥ k members, the fully pooled one included (unless the roster has < k); rare values pooled dimension by dimension  |
 * | 1. participation denominators         | `headcountOfSegments` (segments.ts)     | members per disclosure value: every group of every dimension is a union of segments, so ≥ k members, and so is any intersection of one group per dimension (or 0)                      |
 * | 1. + 2. no aggregate under k, totals  | `groupsToWithhold` (suppression.ts)     | in one table with its total shown: groups under k withheld, and more until the withheld ones are ≥ 2 groups holding ≥ k together (a withheld total of 0 is covered too)            |
 * | 3b. results move only by releases     | `releaseRefusal` (release.ts)           | a release follows the previous one only if, overall and in every group of every dimension, respondents (and each asked question's answers) moved by 0 or ≥ k: no two releases isolate < k |
 * | 3b. the next release, open or final   | `nextRelease` (next-release.ts)         | what the app calls: a new release only when `releaseRefusal` passes (on respondents) or `finalRelease` can withhold the late groups; withheld groups keep their last shown counters |
 * | 3b. whether to read the breakdowns   | `mayMakeRelease` (next-release.ts)      | from the overall tally alone: open, with a previous release and < k new respondents overall, `nextRelease` can only say no, so nothing else is read                                 |
 * | 3b. the release made at closing       | `finalRelease` (release.ts)             | the late answers are shown except the groups whose difference isolates < k, withheld with complements inside the difference; < k late overall: the previous release unchanged        |
 * | 3b. two days, two releases            | `dayRanges` (days.ts)                   | responses per range of consecutive days, each ≥ k, never cutting a previous release's range: no subtraction gets down to one day under k; nothing when the total is under k         |
 * | 3. free text                          | `mayShowComments` (comments.ts)         | comments only for groups of ≥ commentK respondents (`DEFAULT_COMMENT_K` = 10), never under the k floor                                                                                 |
 * | 3. + 2. + 3b. which comments, labels  | `commentsToShow` (comments.ts)          | only responses the final release counts exactly (withheld groups dropped); ≥ commentK overall; a label per group of ≥ commentK, smaller ones pooled to ≥ commentK; one breakdown per comment |
 * | 1. + 2. involvement around ideas      | `involvementToShow` (involvement.ts)    | closed iterations only; a group shown only with ≥ k distinct contributors, more withheld by complementary suppression; members without a segment never a group; < k contributors in all: nothing |
 * | 1. the team beside an idea          | `ideaTeam` (ideas.ts)                   | the author's frozen segment team (held by ≥ k members), pooled shown as "other teams", none when no segment; never the directory team; author key, segment of ideas and votes never answered |
 * | board figures of ideas               | `ideasSummaryToShow` (ideas.ts)         | the review's ideas summary (funnel, categories, top 5, days to a decision) from what the board shows every member only: never author, author key, segment, voters or votes by group |
 * | k itself                              | `DEFAULT_ANONYMITY_THRESHOLD`, `MIN_…`  | k = 5 by default, never below 3                                                                                                                                                         |
 *
 * Order of use: segments are frozen when an iteration opens (`disclosureSegments`, stored with
 * each response instead of who answered; `headcountOfSegments` for participation); counters are
 * published only as releases (`releaseRefusal`, `finalRelease` at closing, `dayRanges`); results
 * read a release and withhold per table (`groupsToWithhold`, `mayShowComments`); comments are read
 * from closed iterations only, through `commentsToShow`.
 */
export * from './comments.js';
export * from './involvement.js';
export * from './days.js';
export * from './next-release.js';
export * from './release.js';
export * from './segments.js';
export * from './suppression.js';
export * from './ideas.js';
