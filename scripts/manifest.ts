/**
 * custom-elements.json, normalised for comparison: arrays whose order carries
 * no meaning (modules, declarations, exports, members, attributes, events,
 * slots, CSS parts, properties and states) are sorted and object keys are
 * ordered, so two manifests of the same source compare equal however the
 * analyzer ordered them or the file was formatted.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const UNORDERED = new Set(['modules', 'declarations', 'exports', 'members', 'attributes', 'events', 'slots', 'cssParts', 'cssProperties', 'cssStates']);

/** Identity first (path, kind, name, static), then the whole item, so ties sort the same way every time. */
function sortKey(item: Json): string {
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const { path, kind, name, static: isStatic } = item;
    return JSON.stringify([path ?? '', kind ?? '', name ?? '', isStatic ?? false, item]);
  }
  return JSON.stringify(item);
}

export function normaliseManifest(value: Json, key = ''): Json {
  if (Array.isArray(value)) {
    const items = value.map((item) => normaliseManifest(item));
    if (!UNORDERED.has(key)) return items;
    const keyed = items.map((item) => [sortKey(item), item] as const);
    keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return keyed.map(([, item]) => item);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, normaliseManifest(value[k] ?? null, k)]),
    );
  }
  return value;
}
