import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Outcome } from '../../../core/questionnaire.ts';
import type { ApiController } from '../../base/api-controller.ts';
import type { Community } from '../pages/result.ts';

/**
 * The result page's community options for the areas the person finds hard,
 * near their postcode if they gave one: from the directory feed, read once
 * per search (the loader and search index load with the first). A failure
 * only affects this section, and Try again reads afresh.
 */
export class CommunityOptions implements ReactiveController {
  private current: Community | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: Pick<ApiController, 'get'>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  get state(): Community | undefined {
    return this.current;
  }

  /** Loads the options for what the person said, unless they are loaded or loading already (or `retry`). */
  async find(search: { result: Pick<Outcome, 'areas' | 'words' | 'strengths' | 'urgentHelp'>; postcode: string | undefined; feedUrl: string }, retry = false): Promise<void> {
    const { result, postcode, feedUrl } = search;
    const said = { areas: result.areas, words: result.words, strengths: result.strengths, urgentHelp: result.urgentHelp };
    const key = JSON.stringify([said, postcode, feedUrl]);
    if (!said.areas.length && !said.words.length && !said.strengths.length && !said.urgentHelp.some((panel) => panel.searchTerms.length)) return this.set(undefined);
    if (!retry && this.current?.key === key && this.current.state !== 'failed') return;
    this.set({ state: 'loading', key });
    try {
      const { findCommunityOptions } = await import('../community-search.ts');
      const found = await findCommunityOptions(this.api, feedUrl, said, postcode);
      if (this.current?.key === key) this.set({ state: 'ready', key, ...found });
    } catch {
      if (this.current?.key === key) this.set({ state: 'failed', key });
    }
  }

  private set(community: Community | undefined): void {
    this.current = community;
    this.host.requestUpdate();
  }
}
