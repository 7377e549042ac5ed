import ipaddr from 'ipaddr.js';

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/**
 * `OUTBOUND_ALLOWLIST`: host names (`hooks.example.org`, or `*.example.org` for its subdomains),
 * single addresses (`127.0.0.1`) and CIDR ranges (`10.0.0.0/8`, `fd00::/8`).
 */
export class OutboundAllowlist {
  private constructor(
    private readonly hosts: Set<string>,
    private readonly suffixes: string[],
    private readonly ranges: Cidr[],
  ) {}

  static parse(entries: readonly string[]): OutboundAllowlist {
    const hosts = new Set<string>();
    const suffixes: string[] = [];
    const ranges: Cidr[] = [];
    for (const raw of entries) {
      const entry = raw.trim().toLowerCase();
      if (entry === '') continue;
      if (entry.includes('/')) ranges.push(ipaddr.parseCIDR(entry));
      else if (ipaddr.isValid(entry)) {
        const address = ipaddr.parse(entry);
        ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      } else if (entry.startsWith('*.')) suffixes.push(entry.slice(1));
      else hosts.add(entry);
    }
    return new OutboundAllowlist(hosts, suffixes, ranges);
  }

  static readonly empty = OutboundAllowlist.parse([]);

  allowsHost(hostname: string): boolean {
    const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
    return this.hosts.has(host) || this.suffixes.some((suffix) => host.endsWith(suffix));
  }

  allowsAddress(address: string): boolean {
    const parsed = normalise(address);
    return this.ranges.some(
      ([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits),
    );
  }
}

/** Only globally routable unicast addresses are reachable without an allowlist entry. */
export function isPublicAddress(address: string): boolean {
  return normalise(address).range() === 'unicast';
}

/** IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 address it is. */
function normalise(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const parsed = ipaddr.parse(address.replace(/^\[|\]$/g, ''));
  return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
    ? (parsed as ipaddr.IPv6).toIPv4Address()
    : parsed;
}
