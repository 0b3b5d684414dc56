import { describe, expect, it } from 'vitest';
import {
  matchesSearch,
  MAX_SIMILAR_IDEAS,
  mostSimilar,
  normalised,
  searchTextOf,
  similarity,
  tokensOf,
} from './search.js';

describe('search text', () => {
  it('drops accents, case and punctuation', () => {
    expect(normalised('  Formation à NANTES : l’équipe RH!  ')).toBe(
      'formation a nantes l equipe rh',
    );
    expect(searchTextOf('Vidéos', 'Des tutoriels')).toBe('videos des tutoriels');
  });

  it('finds every word of the query at a word start, accents and case ignored', () => {
    const text = searchTextOf('Tutoriels vidéo', 'Courtes vidéos pour débuter sur mobile');
    expect(matchesSearch(text, 'VIDEO')).toBe(true);
    expect(matchesSearch(text, 'débu mobile')).toBe(true);
    expect(matchesSearch(text, 'ideo')).toBe(false);
    expect(matchesSearch(text, 'video nantes')).toBe(false);
    expect(matchesSearch(text, '  ')).toBe(true);
  });
});

describe('similar ideas', () => {
  it('compares meaningful terms only, accents and plurals aside', () => {
    expect([...tokensOf('Des tutoriels en vidéo pour les débutants')].sort()).toEqual([
      'debutants',
      'tutoriels',
      'video',
    ]);
    expect(similarity(tokensOf('tutoriel vidéo'), tokensOf('Des tutoriels vidéos'))).toBe(1);
    expect(similarity(tokensOf('tutoriel vidéo'), tokensOf('formation à Nantes'))).toBe(0);
    expect(similarity(new Set(), tokensOf('formation'))).toBe(0);
  });

  it('ranks the closest first, drops the unrelated, keeps at most five', () => {
    const idea = (title: string, votes = 0, createdAt = '2026-11-01') => ({
      title,
      description: '',
      votes,
      createdAt,
    });
    const ideas = [
      idea('Une formation à Nantes'),
      idea('Tutoriels vidéo pour mobile', 2),
      idea('Des vidéos courtes', 5),
      idea('Calendrier partagé'),
    ];
    expect(mostSimilar('tutoriel vidéo', ideas).map((found) => found.title)).toEqual([
      'Tutoriels vidéo pour mobile',
      'Des vidéos courtes',
    ]);
    const many = Array.from({ length: 8 }, (_, index) => idea(`Vidéo ${index}`, index));
    expect(mostSimilar('vidéo', many)).toHaveLength(MAX_SIMILAR_IDEAS);
    expect(mostSimilar('vidéo', many)[0]?.title).toBe('Vidéo 7');
    expect(mostSimilar('le la les', ideas)).toEqual([]);
  });
});
