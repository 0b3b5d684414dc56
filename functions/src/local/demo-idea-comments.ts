import { rolesOf, seededRandom, type TMember } from '@boucle/shared';
import type { TAppDeps } from '../http/env.js';
import { hideIdeaComment, postIdeaComment } from '../services/idea-comments.js';
import { demoMembers } from './demo-organisation.js';

/** What members say under ideas; a few say it anonymously. */
const DEMO_COMMENTS: readonly { text: string; anonymous: boolean }[] = [
  { text: 'Yes please — we lose half an hour a week looking for this.', anonymous: false },
  { text: 'Could we try it with one team first?', anonymous: false },
  { text: 'In Nantes we already do something like it; happy to share how.', anonymous: false },
  { text: 'Only if it stays optional for those who are not on the network yet.', anonymous: true },
  { text: 'The ambassadors could show it in their weekly tips.', anonymous: false },
  { text: 'Managers never read these anyway.', anonymous: true },
];

/** The one comment the demo's ambassador hides, to show moderation and its audit. */
const ABUSIVE = { text: 'Whoever proposed this clearly never did real work.', anonymous: true };
const HIDE_REASON = 'Attacks a colleague instead of the idea';

const who = (member: TMember) => ({
  email: member.email,
  name: member.name,
  roles: rolesOf(member),
});

/**
 * Comments on the demo ideas, dated a few hours after each idea, through the same service as the
 * API; one abusive comment hidden by an ambassador. Skipped once any idea comment exists, so a
 * second run adds nothing.
 */
export async function seedDemoIdeaComments(
  deps: TAppDeps,
  log: (line: string) => void,
): Promise<void> {
  if ((await deps.ideaComments.queue('all', 1, undefined)).comments.length > 0) return;
  const members = demoMembers();
  const employees = members.filter((member) => member.role === 'employee');
  const ambassador = members.find((member) => member.ambassador);
  const random = seededRandom(900);
  const draw = () => employees[Math.floor(random() * employees.length)] ?? employees[0];
  let count = 0;
  let hidden = false;
  for (const { id: iterationId } of await deps.iterations.list()) {
    const { ideas } = await deps.ideas.page(iterationId, 'new', 50, undefined);
    for (const idea of ideas) {
      const said = DEMO_COMMENTS.filter(() => random() < 0.4);
      if (!hidden && ambassador) said.push(ABUSIVE);
      for (const [index, comment] of said.entries()) {
        const author = draw();
        if (!author) return;
        const at = new Date(Date.parse(idea.createdAt) + (index + 1) * 3 * 3600_000);
        const posted = await postIdeaComment(
          { ...deps, now: () => at },
          who(author),
          idea.id,
          comment,
        );
        count++;
        if (comment === ABUSIVE && ambassador) {
          const later = new Date(at.getTime() + 3600_000);
          await hideIdeaComment(
            { ...deps, now: () => later },
            who(ambassador),
            posted.id,
            HIDE_REASON,
          );
          hidden = true;
        }
      }
    }
  }
  log(`idea comments: ${count}${hidden ? ', one hidden' : ''}`);
}
