import englishStopWords from 'stopwords-en/stopwords-en.json' with { type: 'json' };
import frenchStopWords from 'stopwords-fr/stopwords-fr.json' with { type: 'json' };

/**
 * Words of the programme itself: every comment is about the enterprise social network, so these
 * would top every list of themes and say nothing.
 */
const DOMAIN_STOP_WORDS = ['réseau', 'social', 'sociale', 'rse', 'network', 'boucle'];

/**
 * French and English stop words (stopwords-iso's lists, MIT, one package per language so the
 * Lambda bundles hold only these two) plus the domain words above. Kept with their accents, like
 * the terms they are compared with. Made on first use, so a bundle that never computes themes
 * (the web app) leaves the lists out.
 */
let stopWords: ReadonlySet<string> | null = null;
const isStopWord = (word: string): boolean =>
  (stopWords ??= new Set([...frenchStopWords, ...englishStopWords, ...DOMAIN_STOP_WORDS])).has(
    word,
  );

/** Most themes shown, and the fewest comments a theme must hold (one comment is no theme). */
export const MAX_THEMES = 10;
export const MIN_COMMENTS_PER_THEME = 2;

export type TTheme = { term: string; comments: number };

/**
 * The meaningful terms of a comment: lowercased, accents kept, runs of letters (so "d’usage"
 * gives "usage"), single letters and stop words dropped.
 */
export function termsOf(text: string): Set<string> {
  const words = text.toLocaleLowerCase('fr').match(/\p{L}+/gu) ?? [];
  return new Set(words.filter((word) => word.length > 1 && !isStopWord(word)));
}

/**
 * The most frequent terms over the given comments, each with how many comments hold it (a
 * comment counts once per term); only terms held by at least two comments, most frequent first,
 * then alphabetically, at most ten.
 */
export function themesOf(texts: readonly string[]): TTheme[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const term of termsOf(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, comments]) => comments >= MIN_COMMENTS_PER_THEME)
    .map(([term, comments]) => ({ term, comments }))
    .sort((a, b) => b.comments - a.comments || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, MAX_THEMES);
}
