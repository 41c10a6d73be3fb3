import { createStore, del, set, values, type UseStore } from 'idb-keyval';
import type { OutboxItem, OutboxStore } from '../../core/outbox.ts';

/**
 * The outbox in IndexedDB (database `cls-hub-day`, store `outbox`): it
 * outlives a closed tab, so a visit recorded offline is sent the next time
 * the page is open and online. Opened lazily, on first use.
 */
export function indexedDbOutbox(): OutboxStore {
  let store: UseStore | undefined;
  const use = () => (store ??= createStore('cls-hub-day', 'outbox'));
  return {
    values: () => values<OutboxItem>(use()),
    set: (key, item) => set(key, item, use()),
    del: (key) => del(key, use()),
  };
}
