import { countryName } from '../../domain/countries';
import type { LinkTarget, Region } from '../../domain/routing';
import type { Strings } from '../../strings/en';

/** "Europe, Middle East and Africa (emea)", "Germany (DE)", "everything else (fallback)". */
export function describeTarget(target: LinkTarget, regions: readonly Region[], strings: Strings): string {
  switch (target.kind) {
    case 'fallback':
      return strings.commands.fallbackName;
    case 'region':
      return `${regions.find((r) => r.code === target.code)?.name ?? target.code} (${target.code})`;
    case 'country':
      return `${countryName(target.code, strings.format.locale)} (${target.code})`;
  }
}

export function validRegionCodes(regions: readonly Region[]): string {
  return regions.map((r) => r.code).join(', ');
}
