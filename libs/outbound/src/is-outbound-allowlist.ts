import { ValidateBy } from 'class-validator';

import { OutboundAllowlist } from './outbound-allowlist';

const ENTRY = /^[*A-Za-z0-9.:_/-]+$/;

/** Validates `OUTBOUND_ALLOWLIST`: every entry a host, `*.suffix`, an address or a CIDR range. */
export function IsOutboundAllowlist(): PropertyDecorator {
  return ValidateBy({
    name: 'isOutboundAllowlist',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) &&
        value.every((entry) => typeof entry === 'string' && isAllowlistEntry(entry)),
      defaultMessage: () =>
        'OUTBOUND_ALLOWLIST entries must be host names, *.suffixes, addresses or CIDR ranges',
    },
  });
}

export function isAllowlistEntry(entry: string): boolean {
  if (!ENTRY.test(entry)) return false;
  try {
    OutboundAllowlist.parse([entry]);
    return true;
  } catch {
    return false;
  }
}
