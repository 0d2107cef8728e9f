import { BlockList, isIPv4, isIPv6 } from 'node:net';

/**
 * Addresses a feed URL may not reach unless the operator allows private hosts: a feed fetched by the
 * server must not become a way to read the server's own network (loopback, LAN, cloud metadata).
 * Built on node:net BlockList; IPv6 forms that carry an IPv4 address are judged by that address.
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128],
  ['100::', 64], // discard-only
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // old site-local
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

// Prefixes whose last 32 bits are an IPv4 address: IPv4-mapped, IPv4-compatible, NAT64.
const embedding = new BlockList();
embedding.addSubnet('::ffff:0:0', 96, 'ipv6');
embedding.addSubnet('::', 96, 'ipv6');
embedding.addSubnet('64:ff9b::', 96, 'ipv6');

/** The IPv4 address in the last 32 bits of an IPv6 address. */
function lastIPv4(address: string): string {
  const expanded = new URL(`http://[${address}]`).hostname.slice(1, -1); // canonical, hex groups
  const groups = expanded.split(':');
  const low = Number.parseInt(groups.at(-1) || '0', 16);
  const high = Number.parseInt(groups.at(-2) || '0', 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** True for an address a feed may not be fetched from (or that is not an IP address at all). */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(bare)) return blocked.check(bare, 'ipv4');
  if (!isIPv6(bare)) return true;
  if (blocked.check(bare, 'ipv6')) return true;
  if (embedding.check(bare, 'ipv6')) return blocked.check(lastIPv4(bare), 'ipv4');
  return false;
}
