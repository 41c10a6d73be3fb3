import type { ReactiveController, ReactiveControllerHost } from 'lit';
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

  /** Loads the options for these terms, unless they are loaded or loading already (or `retry`). */
  async find(search: { terms: readonly string[]; postcode: string | undefined; feedUrl: string }, retry = false): Promise<void> {
    const { terms, postcode, feedUrl } = search;
    const key = JSON.stringify([terms, postcode, feedUrl]);
    if (!terms.length) return this.set(undefined);
    if (!retry && this.current?.key === key && this.current.state !== 'failed') return;
    this.set({ state: 'loading', key });
    try {
      const { findCommunityOptions } = await import('../community-search.ts');
      const found = await findCommunityOptions(this.api, feedUrl, terms, postcode);
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
