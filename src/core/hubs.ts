import type { Hub, HubSessionPlan, Service } from '../contract/directory.ts';
import type { Language } from '../contract/language.ts';

/**
 * The hubs a directory's services describe: every service location with
 * coordinates is a hub (one per location id, named after the location, else
 * after the first service held there), and the schedules of the services
 * held there are its drop-in session plans. Services carry no kind of
 * place, so every such hub is a `community-centre`. Locations without
 * coordinates (phone and online services) are not places to go.
 *
 * A plan's id is its schedule's, else `<service id>#<index of the schedule>`,
 * so the sessions expanded from it (see `expandSessions`) keep their ids
 * while the feed does.
 */
export function hubsFromServices(services: readonly Service[]): Hub[] {
  const hubs = new Map<string, Hub>();
  for (const service of services) {
    const plans = service.schedules.map(
      (schedule, index): HubSessionPlan => ({ id: schedule.id ?? `${service.id}#${index}`, mode: 'drop-in', schedule }),
    );
    for (const location of service.locations) {
      if (!location.coordinates) continue;
      const hub: Hub = hubs.get(location.id) ?? {
        id: location.id,
        name: location.name ?? service.name,
        kind: 'community-centre' as const,
        address: location.address ?? {},
        coordinates: location.coordinates,
        accessibility: location.accessibility,
        stepFree: location.stepFree ?? false,
        sessions: [],
      };
      hub.sessions.push(...plans);
      hubs.set(location.id, hub);
    }
  }
  return [...hubs.values()];
}

/** A hub's name and description in `lang`: the Welsh ones where the data has them, else the English. */
export function hubText(hub: Pick<Hub, 'name' | 'description' | 'translations'>, lang: Language): { name: string; description: string | undefined } {
  const own = lang === 'cy' ? hub.translations?.cy : undefined;
  return { name: own?.name ?? hub.name, description: own?.description ?? hub.description };
}
