import type { TAppDeps } from '../http/env.js';
import { adoptConvention, reviseConvention } from '../services/conventions.js';
import { demoIterations } from './demo-organisation.js';

type TDemoConvention = {
  /** The iteration (1-based) it was adopted in, at that iteration's end. */
  iterationId: number;
  title: string;
  text: string;
  /** A later wording, made at the end of the next iteration. */
  revised?: { title: string; text: string };
};

/** The rules the story's steering group fixed as the complaints of iterations 1–3 came in. */
const demoConventions: readonly TDemoConvention[] = [
  {
    iterationId: 2,
    title: 'One community per project, named after it',
    text: 'Create one community per project, named "Project – <name>", before its first post. Teams keep one community each; ask an ambassador before creating another.',
  },
  {
    iterationId: 2,
    title: 'Reply in the thread, not by e-mail',
    text: 'When a post asks a question, answer under it so that everyone sees the answer.',
    revised: {
      title: 'Reply in the thread, not by e-mail',
      text: 'When a post asks a question, answer under it so that everyone sees the answer. Forwarding a thread by e-mail is fine for people outside the network; the answer still goes in the thread.',
    },
  },
  {
    iterationId: 3,
    title: "Documents live in the community's files, not in attachments",
    text: "Share a link to the document in the community's files rather than attaching a copy, so there is one version everyone edits.",
  },
  {
    iterationId: 4,
    title: '@mention sparingly',
    text: 'Mention someone when you need them to act or answer; to inform a whole team, post in its community instead of mentioning everyone.',
  },
];

/** The end of a demo iteration, when its review adopted the conventions. */
const endOf = (iterationId: number) =>
  new Date(`${demoIterations[iterationId - 1]?.endDate ?? '2026-11-01'}T16:00:00Z`);

/**
 * Seeds the usage conventions register through the same service as the API. A convention whose
 * title is already in the register is not adopted again, and one already revised is left as is,
 * so running it twice changes nothing.
 */
export async function seedDemoConventions(
  deps: TAppDeps,
  log: (line: string) => void,
): Promise<void> {
  const at = (iterationId: number) => ({ ...deps, now: () => endOf(iterationId) });
  const register = await deps.conventions.list();
  for (const convention of demoConventions) {
    if (!(await deps.iterations.get(convention.iterationId))) continue;
    let found: { id: string; version: number } | undefined = register.find(
      (entry) => entry.title === convention.title,
    );
    if (!found) {
      const { title, text, iterationId } = convention;
      found = await adoptConvention(at(iterationId), { title, text, iterationId });
      log(`convention adopted: ${title}`);
    }
    if (convention.revised && found.version === 1) {
      await reviseConvention(at(convention.iterationId + 1), found.id, {
        ...convention.revised,
        version: 1,
      });
      log(`convention revised: ${convention.title}`);
    }
  }
}
