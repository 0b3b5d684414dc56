import { POOLED, type TLocale, type TLocalizedText, type TSegmentDimension } from '@boucle/shared';
import type { TProblemCode } from './api';
import type { TSignInProblem } from './hosted-signin';
import type { TPulseKey } from './messages/en';
import type { TPagesKey } from './messages/en-pages';

const LOCALE_KEY = 'boucle.locale';

/** Every message key, in the pulse's book or the other pages' one. */
export type TMessageKey = TPulseKey | TPagesKey;

/** Every reason a call or a sign-in can fail, told by its code rather than the API's English. */
export type TShownProblem = TProblemCode | TSignInProblem;

/** A language's words as two books: what the pulse shows (and the problems), the other pages'. */
type TPulseBook = {
  messages: Record<TPulseKey, string>;
  problems: Record<TShownProblem, string>;
};
type TPagesBook = { messages: Record<TPagesKey, string> };

// One language at a time, and only the pulse's book on the pulse: the rest is fetched when the
// member goes elsewhere or switches language (ADR 0026).
const books: Record<
  TLocale,
  { pulse: () => Promise<TPulseBook>; pages: () => Promise<TPagesBook> }
> = {
  en: { pulse: () => import('./messages/en'), pages: () => import('./messages/en-pages') },
  fr: { pulse: () => import('./messages/fr'), pages: () => import('./messages/fr-pages') },
};

/** The words at hand: both books, or only the pulse's (`complete` false). */
type TWords = {
  messages: Partial<Record<TMessageKey, string>>;
  problems: Record<TShownProblem, string>;
  complete: boolean;
};

async function wordsIn(locale: TLocale, complete: boolean): Promise<TWords> {
  const [pulse, pages] = await Promise.all([
    books[locale].pulse(),
    complete ? books[locale].pages() : null,
  ]);
  return {
    messages: { ...pulse.messages, ...pages?.messages },
    problems: pulse.problems,
    complete,
  };
}

function initialLocale(): TLocale {
  if (typeof localStorage === 'undefined') return 'fr';
  const saved = localStorage.getItem(LOCALE_KEY);
  if (saved === 'fr' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export const i18n = $state<{ locale: TLocale }>({ locale: initialLocale() });

// Told of every switch before it shows: zod's messages, where zod is loaded (zod-locale.ts).
const switchListeners: ((locale: TLocale) => void)[] = [];

/** Runs `listener` with the language now, and again on every switch before the page re-renders. */
export function followLocale(listener: (locale: TLocale) => void): void {
  listener(i18n.locale);
  switchListeners.push(listener);
}

// The current language's words; null until the root layout's load has fetched them.
let words = $state.raw<TWords | null>(null);

/**
 * Fetches the current language's words, the root layout's load awaiting them before anything
 * shows: the pulse's book only, unless `complete` (every page but the pulse and its receipt).
 */
export async function loadMessages(complete: boolean): Promise<void> {
  if (words !== null && (words.complete || !complete)) return;
  words = await wordsIn(i18n.locale, complete);
}

/** Switches language once its words are here, so nothing shows half in one, half in the other. */
export async function setLocale(locale: TLocale): Promise<void> {
  const next = await wordsIn(locale, words?.complete ?? false);
  // Before the state changes, so what re-parses on the change speaks the new language.
  for (const listener of switchListeners) listener(locale);
  words = next;
  i18n.locale = locale;
  localStorage.setItem(LOCALE_KEY, locale);
}

/** The message in the current language, with `{name}` placeholders filled in. */
export function t(key: TMessageKey, values: Record<string, string | number> = {}): string {
  const message = words?.messages[key] ?? key;
  return message.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** What went wrong, by its code, in the current language. */
export function problemText(code: TShownProblem): string {
  return words?.problems[code] ?? code;
}

/** A text stored in both languages, in the current one. */
export function local(text: TLocalizedText): string {
  return text[i18n.locale];
}

/**
 * A group of a breakdown as the steering group reads it: the pooled value by what it pools
 * ("Other sites"), the values the app knows (levels, yes/no) translated, team and site names as
 * they are.
 */
export function segmentValue(dimension: TSegmentDimension, value: string): string {
  if (value === POOLED) return t(`pooled.${dimension}`);
  const key = `value.${value}`;
  return words !== null && key in words.messages ? t(key as TMessageKey) : value;
}

/** Dates and times as read in Europe: "20 Nov 2026 at 10:00", not "Nov 20, 2026 at 10:00 AM". */
const DATE_LOCALES: Record<TLocale, string> = { en: 'en-GB', fr: 'fr-FR' };

/** A short day for ranges of days: "12 Nov". */
export function formatShortDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(DATE_LOCALES[i18n.locale], {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

/** An instant as a date and a time of day, in the browser's time zone: "20 Nov 2026", "10:00". */
export function formatMoment(instant: string): { date: string; time: string } {
  const moment = new Date(instant);
  return {
    date: moment.toLocaleDateString(DATE_LOCALES[i18n.locale], {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    }),
    time: moment.toLocaleTimeString(DATE_LOCALES[i18n.locale], {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }),
  };
}

export function formatDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(i18n.locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}
