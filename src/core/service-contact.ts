import type { Service } from '../contract/directory.ts';

/*
 * How to reach a service, the same wherever it is written out: the
 * wheel's details and "My wheel", and the self-assessment's options.
 */

/** Where a service happens: its first place's name and address, in one line, each part once. */
export function servicePlace(service: Pick<Service, 'locations'>): string | undefined {
  const location = service.locations[0];
  if (!location) return undefined;
  const { address } = location;
  const parts = [location.name, address?.line1, address?.city, address?.postcode].map((part) => part?.trim()).filter((part): part is string => Boolean(part));
  return [...new Set(parts)].join(', ') || undefined;
}

/** The service's own phone number, else its organisation's. */
export function servicePhone(service: Pick<Service, 'phone' | 'organization'>): string | undefined {
  return service.phone ?? service.organization?.phone;
}

/** A `tel:` link for a number as people write it ("01632 960 001" → `tel:01632960001`). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
