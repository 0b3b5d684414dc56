import { describe, expect, it } from 'vitest';
import { MAX_THEMES, termsOf, themesOf } from './themes.js';

describe('termsOf', () => {
  it('keeps meaningful words, lowercased with their accents, without French or English stop words', () => {
    expect([...termsOf('Les conventions d’usage devraient être affichées')]).toEqual([
      'conventions',
      'usage',
      'devraient',
      'affichées',
    ]);
    expect([...termsOf('The mobile app is slow to load attachments.')]).toEqual([
      'mobile',
      'app',
      'slow',
      'load',
      'attachments',
    ]);
  });

  it('drops the programme’s own words and single letters, and counts a word once', () => {
    expect([...termsOf('Le réseau social, le RÉSEAU : formation, formation ! x')]).toEqual([
      'formation',
    ]);
  });
});

describe('themesOf', () => {
  it('counts comments holding each term, most frequent first, then alphabetically', () => {
    const themes = themesOf([
      'Formation à Nantes',
      'Plus de formation, et des vidéos',
      'Formation formation formation',
      'Vidéos courtes à Nantes',
    ]);
    expect(themes).toEqual([
      { term: 'formation', comments: 3 },
      { term: 'nantes', comments: 2 },
      { term: 'vidéos', comments: 2 },
    ]);
  });

  it('never makes a theme of one comment', () => {
    expect(themesOf(['Une remarque très particulière', 'Autre chose'])).toEqual([]);
  });

  it('shows at most ten themes', () => {
    const words = Array.from({ length: 12 }, (_, i) => `mot${'abcdefghijkl'[i]}`).join(' ');
    expect(themesOf([words, words])).toHaveLength(MAX_THEMES);
  });
});
