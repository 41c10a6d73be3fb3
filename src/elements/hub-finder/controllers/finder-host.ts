import type { Session } from '../../../contract/places.ts';
import type { HeadingLevels } from '../../../core/heading-level.ts';
import type { LocaleController } from '../../../i18n/locale-controller.ts';
import type { ApiController } from '../../base/api-controller.ts';

/** The hub finder's pages: exactly one is on screen. */
export type FinderPage = 'search' | 'details' | 'booking' | 'confirmed' | 'cancelled' | 'find-booking' | 'manage-loading' | 'move' | 'waiting';

/**
 * What the finder gives the controllers of its booking pages (booking a
 * session, managing a booking): its language, its API, and the few things
 * on screen they change. The finder owns which page is shown and the list
 * of hubs; the controllers own their forms and requests.
 */
export interface FinderHost {
  locale: LocaleController;
  api: Pick<ApiController, 'get' | 'submit' | 'delete'>;
  headings: () => HeadingLevels;
  /** Puts `page` on screen and, once it is drawn, focuses the first match of `focus`. */
  show: (page: FinderPage, focus?: string) => void;
  /** Focuses the first match of `selector` after the next render (a notification, the panel). */
  focus: (selector: string) => void;
  /** Says `text` in the finder's status region. */
  announce: (text: string) => void;
  /** Keeps a listed session's places in step with what the server said. */
  applySession: (session: Session) => void;
}
