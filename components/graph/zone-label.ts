/** What a person calls a zone that is not a Region AZ (DescribeAvailabilityZones' ZoneType, or an Outpost). */
const ZONE_LABEL: Record<string, string> = { 'local-zone': 'Local Zone', 'wavelength-zone': 'Wavelength Zone', outpost: 'Outpost' };
/** The same on a chip beside a long zone name or a subnet's CIDR, where every character counts. */
const ZONE_CHIP: Record<string, string> = { 'wavelength-zone': 'Wavelength' };

/** The words for a zone type; a type AWS adds later is shown as AWS spells it. */
export function zoneLabel(zoneType: string): string {
  return ZONE_LABEL[zoneType] ?? zoneType;
}

/** The short words for a zone type, for a chip (its title gives `zoneLabel`). */
export function zoneChip(zoneType: string): string {
  return ZONE_CHIP[zoneType] ?? zoneLabel(zoneType);
}
