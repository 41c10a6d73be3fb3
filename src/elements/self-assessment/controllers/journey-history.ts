import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { historyStateWith, placeInHistory, type Place } from '../../../core/self-assessment-journey.ts';

/**
 * The browser's Back and Forward for the element's journey, when the host
 * opts in: each step is an entry under the element's own key in
 * `history.state` (the host's own state kept, the URL unchanged), and
 * arriving at one of them by Back or Forward is told to the element.
 */
export class JourneyHistory implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly options: {
      enabled: () => boolean;
      /** The element's key in `history.state`. */
      key: () => string;
      /** Back or Forward reached an entry of the element's. */
      onPlace: (place: Place) => void;
    },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
  }

  /** Records `place` as a new entry (`push`) or in the current one (`replace`), unless it is there already. */
  record(mode: 'push' | 'replace', place: Place): void {
    if (!this.options.enabled()) return;
    const next = historyStateWith(window.history.state, this.options.key(), place);
    if (!next) return;
    if (mode === 'push') window.history.pushState(next, '');
    else window.history.replaceState(next, '');
  }

  private readonly onPopState = (event: PopStateEvent): void => {
    if (!this.options.enabled()) return;
    const place = placeInHistory(event.state, this.options.key());
    if (place !== undefined) this.options.onPlace(place);
  };
}
