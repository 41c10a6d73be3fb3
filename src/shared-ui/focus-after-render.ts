import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & { readonly renderRoot: ParentNode };

/**
 * Moves keyboard focus once the next render is on screen: to an error
 * summary, a confirmation panel, a new page's heading. Focus can only move
 * to what exists, so the request waits for the render that creates it.
 */
export class FocusAfterRender implements ReactiveController {
  private selector: string | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** Focus the first element matching `selector` after the next update. */
  request(selector: string): void {
    this.selector = selector;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (!this.selector) return;
    const target = this.host.renderRoot.querySelector<HTMLElement>(this.selector);
    this.selector = undefined;
    target?.focus();
  }
}
