import { BlockList, isIP } from 'node:net'

/**
 * Which addresses a plugin may reach: public unicast only. Refused:
 * loopback, private (RFC 1918, fc00::/7), link-local (169.254/16,
 * fe80::/10, which holds cloud metadata 169.254.169.254), CGNAT
 * (100.64/10), unspecified, multicast, reserved and documentation ranges.
 * IPv6 is allowed only inside global unicast 2000::/3 (so fd00:ec2::254,
 * ::1, ::, fe80:: and NAT64 64:ff9b:: are out), minus Teredo and 6to4,
 * which tunnel to arbitrary IPv4; IPv4-mapped IPv6 (::ffff:a.b.c.d) is
 * judged as its IPv4 address.
 */
const FORBIDDEN_V4: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
]

const FORBIDDEN_V6_IN_GLOBAL: [string, number][] = [
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
]

const forbiddenV4 = new BlockList()
for (const [network, prefix] of FORBIDDEN_V4) forbiddenV4.addSubnet(network, prefix, 'ipv4')

const globalUnicast = new BlockList()
globalUnicast.addSubnet('2000::', 3, 'ipv6')

const forbiddenV6 = new BlockList()
for (const [network, prefix] of FORBIDDEN_V6_IN_GLOBAL) {
  forbiddenV6.addSubnet(network, prefix, 'ipv6')
}

const mapped = new BlockList()
mapped.addSubnet('::ffff:0:0', 96, 'ipv6')

/** The IPv4 address inside ::ffff:a.b.c.d or ::ffff:xxxx:xxxx. */
function embeddedV4(address: string): string | null {
  const dotted = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i)
  if (dotted) return dotted[1]
  const hex = address.match(/^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i)
  if (!hex) return null
  const high = Number.parseInt(hex[1], 16)
  const low = Number.parseInt(hex[2], 16)
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`
}

/** Whether a plugin may connect to this IP address (anything that is not an IP: no). */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const family = isIP(bare)
  if (family === 4) return !forbiddenV4.check(bare, 'ipv4')
  if (family !== 6) return false
  if (mapped.check(bare, 'ipv6')) {
    const v4 = embeddedV4(bare)
    return v4 !== null && isIP(v4) === 4 && !forbiddenV4.check(v4, 'ipv4')
  }
  return globalUnicast.check(bare, 'ipv6') && !forbiddenV6.check(bare, 'ipv6')
}
