import type { TShownProblem } from '../i18n.svelte';

/**
 * The pulse's words in English, with the layout's and the problems: all the pulse and its receipt
 * show, loaded before them (ADR 0026). The reference for French; other pages' words: en-pages.ts.
 */
export const messages = {
  'app.skip': 'Skip to content',
  'nav.label': 'Main',
  'nav.pulse': 'Pulse',
  'nav.steering': 'Steering',
  'nav.signOut': 'Sign out',
  'nav.privacy': 'Privacy',
  // Shown in its own language, so the button's name is the word the member reads.
  'language.switch': 'Français',
  loading: 'Loading…',
  retry: 'Try again',
  'error.title': 'Something went wrong',
  'error.forbiddenTitle': 'Steering group only',
  'error.notFoundTitle': 'Page not found',
  'error.signInTitle': 'Sign-in failed',
  'error.home': 'Back to the home page',
  'signin.title': 'Sign in',
  'pulse.title': 'Iteration pulse',
  'pulse.intro':
    'Under a minute. Your answers are anonymous: they are kept only with your team, site, training level and ambassador flag (fewer details when too few members share them), never with your name, the day or the time.',
  'pulse.none': 'No iteration is open right now. See you at the next one!',
  'pulse.submit': 'Send my answers',
  'pulse.sending': 'Sending…',
  'pulse.required': 'An answer is required',
  'pulse.optional': 'optional',
  'pulse.fix': 'Some answers need your attention:',
  'pulse.chars': 'characters left',
  'pulse.nearLimit': 'Fewer than {count} characters left',
  'pulse.limitReached': 'Character limit reached',
  'pulse.enpsLow': 'Not at all likely',
  'pulse.enpsHigh': 'Extremely likely',
  'pulse.multipleHint': 'Choose all that apply',
  'receipt.pageTitle': 'Receipt',
  'receipt.title': 'Thank you, your answer is recorded',
  'receipt.body': 'You answered the pulse of “{iteration}” on {day}.',
  'receipt.anonymous':
    'This receipt proves that you answered, and on which day. It does not hold your answers, and nobody can link it to them.',
  'receipt.none': 'You have not answered the current pulse yet.',
  'receipt.answer': 'Answer the pulse',
  'privacy.link': 'How your anonymity is protected',
  'iterations.link': 'Iterations',
  'roster.link': 'Directory',
  'adoption.link': 'Adoption',
  'comments.link': 'Comments',
  // trends: the trends page, its charts and the ambassadors' team page
  'trends.link': 'Trends',
  'trends.teamLink': 'My team',
  // ideas: the ideas board, its votes and its submit form
  'ideas.link': 'Ideas',
  'triage.link': 'Triage',
  'moderation.link': 'Moderation',
  // updates & conventions: "you said, we did", my ideas and votes, the conventions register
  'conventions.link': 'Conventions',
  'updates.link': 'Updates',
  'updates.linkNew': 'Updates, {count} new',
  'updates.cardTitle': 'You said, we did',
  'updates.cardLink': 'Read the whole review and what became of your ideas',
  'published.youSaid': 'You said:',
  'published.weDid': 'We did:',
  'decisions.nav': 'Decisions',
};

export type TPulseKey = keyof typeof messages;

export const problems: Record<TShownProblem, string> = {
  invalid_input: 'Some of what was sent is not valid. Check the fields and try again.',
  payload_too_large: 'The file is too large.',
  unsupported_media_type: 'The app sent its request in a form the server does not accept.',
  unauthenticated: 'Your session has ended. Please sign in again.',
  forbidden: 'This page is for the steering group only.',
  not_in_directory: 'You are not in the member directory yet: ask the steering group.',
  not_found: 'What you asked for does not exist (any more).',
  unknown_member: 'This member is not in the directory.',
  already_answered: 'You have already answered this pulse.',
  iteration_not_open: 'This iteration is not open for answers any more.',
  invalid_transition:
    'This step is not possible any more: the iteration changed meanwhile. The list is up to date now.',
  iteration_not_draft: 'The pulse can only change while the iteration is a draft.',
  iteration_is_draft: 'This iteration is still a draft: its figures come once it has run.',
  iteration_changed: 'Someone changed this iteration meanwhile. The list is up to date now.',
  iteration_exists: 'This iteration already exists.',
  iteration_not_started: 'This iteration has not opened yet: there are no results.',
  comments_not_released: 'Comments are shown once the iteration has closed.',
  comment_already_hidden: 'This comment is already hidden.',
  directory_changed: 'The directory changed meanwhile. Please import the file again.',
  roster_shrinks: 'This file would remove many members from the directory.',
  idea_status_refused: 'This idea cannot take this step in its current state.',
  idea_changed: 'Someone changed this idea meanwhile. It is up to date now: try again.',
  review_changed: 'Someone saved this review meanwhile. Reload it, then make your changes again.',
  nothing_to_publish: 'Nothing new to publish: save a change first.',
  iteration_not_closed: 'A review is published once its iteration has closed.',
  convention_changed:
    'Someone revised this convention first. Reload it and write your change again.',
  unavailable: 'The service is busy. Please try again in a moment.',
  auth_unavailable: 'Sign-in cannot be checked right now. Please try again in a moment.',
  misconfigured: 'The service is not set up correctly. Please tell the steering group.',
  internal: 'Something went wrong on our side. Please try again.',
  network: 'The server cannot be reached. Check your connection.',
  unexpected: 'The server gave an unexpected answer. Please try again.',
  signin_refused: 'The company sign-in refused the request.',
  signin_expired: 'This sign-in link is not valid any more. Please sign in again.',
  signin_failed: 'The sign-in could not be completed. Please try again.',
};
