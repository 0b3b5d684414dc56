import { t, type TMessageKey } from '$lib/i18n.svelte';

const SECTIONS: Record<string, TMessageKey> = {
  saidWeDid: 'decisions.pairN',
  decisions: 'decisions.decisionN',
  actions: 'decisions.actionN',
};

const FIELDS: Record<string, TMessageKey> = {
  summary: 'decisions.summary',
  said: 'published.youSaid',
  did: 'published.weDid',
  text: 'decisions.decisionText',
  title: 'decisions.actionTitle',
  owner: 'decisions.owner',
  dueIterationId: 'decisions.due',
  trackedQuestionId: 'decisions.tracked',
  status: 'decisions.status',
  ideaIds: 'decisions.linkedIdeas',
  version: 'decisions.versionField',
  saidWeDid: 'published.saidWeDid',
  decisions: 'published.decisions',
  actions: 'published.actions',
};

/**
 * A field of the review as the editor names it, from the path a check or the API gives
 * (`actions.2.ideaIds.0` → "Action 3 › Linked ideas"), so a refusal points at what to fix.
 */
export function fieldLabel(path: string): string {
  const [first = '', index, ...rest] = path.replace(/^content\./, '').split('.');
  const section = SECTIONS[first];
  const parts =
    section && index !== undefined
      ? [t(section, { n: Number(index) + 1 }), ...rest.slice(0, 1)]
      : [first, index ?? ''];
  return parts
    .filter((part) => part !== '' && !/^\d+$/.test(part))
    .map((part) => {
      const key = FIELDS[part];
      return key ? t(key).replace(/:$/, '') : part;
    })
    .join(' › ');
}
