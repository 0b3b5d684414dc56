import { ZIdeaList, type TIdea, type TIdeaList } from '@boucle/shared';
import { api, problemOf, type ApiError } from './api';

/**
 * A list of ideas shown page by page: the load's first page, the pages asked for since, and the
 * ideas answered meanwhile (a vote, a status change) shown over their listed copy until the page
 * loads again.
 */
export class IdeaPages {
  #later = $state<TIdea[]>([]);
  #answered = $state<Record<string, TIdea>>({});
  nextCursor = $state<string | null>(null);
  loadingMore = $state(false);
  problem = $state<ApiError | null>(null);

  /** Back to the load's page (its address changed, or it loaded again). */
  reset(first: TIdeaList): void {
    this.#later = [];
    this.#answered = {};
    this.nextCursor = first.nextCursor;
  }

  ideas(first: TIdeaList): TIdea[] {
    return [...first.ideas, ...this.#later].map((idea) => this.#answered[idea.id] ?? idea);
  }

  answered(idea: TIdea): void {
    this.#answered[idea.id] = idea;
  }

  /** The next page, asked with the list's own query plus the cursor. */
  async more(queryWith: (cursor: string) => URLSearchParams): Promise<void> {
    if (!this.nextCursor) return;
    this.problem = null;
    this.loadingMore = true;
    try {
      const page = await api(`/ideas?${queryWith(this.nextCursor)}`, ZIdeaList);
      this.#later = [...this.#later, ...page.ideas];
      this.nextCursor = page.nextCursor;
    } catch (cause) {
      this.problem = await problemOf(cause);
    } finally {
      this.loadingMore = false;
    }
  }
}
