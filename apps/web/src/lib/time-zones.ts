/** The browser's own time zone, the best default for a new account. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export type TimeZoneGroup = { region: string; zones: { id: string; label: string }[] };

let cached: TimeZoneGroup[] | undefined;

/**
 * Every IANA zone the browser knows, grouped by region ("Europe", "America") with readable
 * labels ("Paris (GMT+01:00)"). UTC comes first: it is no region's and the server's default.
 */
export function timeZoneGroups(): TimeZoneGroup[] {
  if (cached) return cached;
  const ids =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const groups = new Map<string, TimeZoneGroup['zones']>();
  for (const id of ids) {
    const slash = id.indexOf('/');
    if (slash < 0) continue;
    const region = id.slice(0, slash);
    const place = id
      .slice(slash + 1)
      .replaceAll('_', ' ')
      .replaceAll('/', ' / ');
    const zones = groups.get(region) ?? [];
    zones.push({ id, label: `${place} (${offsetOf(id)})` });
    groups.set(region, zones);
  }
  cached = [
    { region: 'Universal', zones: [{ id: 'UTC', label: 'UTC (Coordinated Universal Time)' }] },
    ...[...groups].map(([region, zones]) => ({ region, zones })),
  ];
  return cached;
}

/** True when the list offers the zone; a saved zone it lacks is still shown as an option. */
export function isListedTimeZone(id: string): boolean {
  return timeZoneGroups().some((group) => group.zones.some((zone) => zone.id === id));
}

function offsetOf(timeZone: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date())
      .find((part) => part.type === 'timeZoneName');
    return parts?.value === 'GMT' ? 'GMT+00:00' : (parts?.value ?? timeZone);
  } catch {
    return timeZone;
  }
}
