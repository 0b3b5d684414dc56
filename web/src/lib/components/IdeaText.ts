import { IDEA_OTHER_TEAMS, type TIdea } from '@boucle/shared';
import { t, type TMessageKey } from '$lib/i18n.svelte';

export const categoryText = (category: string) => t(`ideas.category.${category}` as TMessageKey);

export const votesText = (count: number) =>
  count === 1 ? t('ideas.vote1') : t('ideas.votes', { count });

/** The team beside an idea: a pooled one reads "other teams". */
export const teamText = (team: string) =>
  team === IDEA_OTHER_TEAMS ? t('ideas.otherTeams') : team;

/** Category · author (or anonymous) · team · yours. */
export function ideaMeta(idea: TIdea): string {
  return [
    categoryText(idea.category),
    idea.author ? t('ideas.by', { name: idea.author.name }) : t('ideas.anonymous'),
    idea.team ? teamText(idea.team) : null,
    idea.mine ? t('ideas.mine') : null,
  ]
    .filter((part) => part !== null)
    .join(' · ');
}
