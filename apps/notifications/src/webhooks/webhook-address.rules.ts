import { isIP, isIPv4 } from 'node:net';

/*
 * Server-side request forgery: a webhook URL is chosen by an admin, but the POST leaves from
 * inside the network, where loopback, cloud metadata (169.254.169.254) and private services are
 * reachable. Unless the operator allows private networks, a delivery may only go to a public
 * address: these rules say which are not, for the literal in a URL and for every address its
 * host name resolves to (checked again when connecting, so a name that re-binds to an internal
 * address after registration is still refused).
 */

/** [first address as a 32-bit number, prefix length, what it is] */
const FORBIDDEN_IPV4: ReadonlyArray<readonly [number, number, string]> = [
  [ipv4Number('0.0.0.0'), 8, 'the "this network" range 0.0.0.0/8'],
  [ipv4Number('10.0.0.0'), 8, 'the private range 10.0.0.0/8'],
  [ipv4Number('100.64.0.0'), 10, 'the shared (carrier-grade NAT) range 100.64.0.0/10'],
  [ipv4Number('127.0.0.0'), 8, 'loopback'],
  [ipv4Number('169.254.0.0'), 16, 'link-local (cloud metadata lives here)'],
  [ipv4Number('172.16.0.0'), 12, 'the private range 172.16.0.0/12'],
  [ipv4Number('192.0.0.0'), 24, 'the IETF protocol range 192.0.0.0/24'],
  [ipv4Number('192.168.0.0'), 16, 'the private range 192.168.0.0/16'],
  [ipv4Number('198.18.0.0'), 15, 'the benchmarking range 198.18.0.0/15'],
  [ipv4Number('224.0.0.0'), 4, 'multicast'],
  [ipv4Number('240.0.0.0'), 4, 'the reserved range 240.0.0.0/4 (and broadcast)'],
];

function ipv4Number(address: string): number {
  return address.split('.').reduce((value, part) => value * 256 + Number(part), 0);
}

function ipv4Problem(value: number): string | undefined {
  for (const [first, prefix, what] of FORBIDDEN_IPV4) {
    const size = 2 ** (32 - prefix);
    if (value >= first && value < first + size) return what;
  }
  return undefined;
}

/** The 8 groups of an IPv6 address (zone id dropped, an IPv4 tail folded into the last two). */
function ipv6Groups(address: string): number[] {
  let text = address.replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = ipv4Number(dotted[1]);
    text = `${text.slice(0, dotted.index)}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string | undefined): number[] => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const first = parse(head);
  const last = parse(tail);
  return [...first, ...Array<number>(8 - first.length - last.length).fill(0), ...last];
}

function ipv6Problem(address: string): string | undefined {
  const g = ipv6Groups(address);
  const embeddedIpv4 = (high: number, low: number): number => high * 65536 + low;
  const zeroUpTo = (n: number): boolean => g.slice(0, n).every((group) => group === 0);
  if (zeroUpTo(8)) return 'the unspecified address ::';
  if (zeroUpTo(7) && g[7] === 1) return 'loopback ::1';
  // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d) forms reach the IPv4 address.
  if (zeroUpTo(5) && (g[5] === 0xffff || g[5] === 0)) return ipv4Problem(embeddedIpv4(g[6], g[7]));
  // NAT64 (64:ff9b::/96), 6to4 (2002::/16) and Teredo carry IPv4 addresses too.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((group) => group === 0)) return ipv4Problem(embeddedIpv4(g[6], g[7]));
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'the local-use NAT64 range 64:ff9b:1::/48';
  if (g[0] === 0x2002) return ipv4Problem(embeddedIpv4(g[1], g[2]));
  // Teredo (2001::/32): the relay's IPv4 address in groups 2–3, the client's inverted in groups 6–7.
  if (g[0] === 0x2001 && g[1] === 0) {
    return ipv4Problem(embeddedIpv4(g[2], g[3])) ?? ipv4Problem(embeddedIpv4(g[6] ^ 0xffff, g[7] ^ 0xffff));
  }
  if ((g[0] & 0xfe00) === 0xfc00) return 'the unique-local range fc00::/7';
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local fe80::/10';
  if ((g[0] & 0xffc0) === 0xfec0) return 'the site-local range fec0::/10';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x100 && g.slice(1, 4).every((group) => group === 0)) return 'the discard range 100::/64';
  return undefined;
}

/**
 * Why a webhook may not be sent to this IP address (loopback, link-local, private, reserved…),
 * or undefined for a public one. Anything that is not an IP address is refused.
 */
export function forbiddenAddressProblem(address: string): string | undefined {
  const version = isIP(address.replace(/%.*$/, ''));
  if (version === 0) return 'not an IP address';
  return isIPv4(address) ? ipv4Problem(ipv4Number(address)) : ipv6Problem(address);
}

/** The IP address a URL's host name spells (`[::1]` → `::1`), or undefined for a name. */
export function ipLiteralOf(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) === 0 ? undefined : bare;
}

/** What a refused attempt or registration says when `host` is or resolves to a forbidden `address`. */
export function privateTargetMessage(host: string, address: string, problem: string): string {
  const subject = ipLiteralOf(host) === address ? address : `${host} (${address})`;
  return `${subject} is an internal address (${problem}); webhooks go there only when WEBHOOK_ALLOW_PRIVATE_NETWORKS is true`;
}
