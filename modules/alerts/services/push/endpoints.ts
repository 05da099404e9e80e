import { alertSettings } from '#modules/alerts/services/settings'

/**
 * Whether a subscription endpoint belongs to a browser push service: an
 * https URL on one of the allowed hosts ("*.example" covers subdomains).
 * The server posts to these URLs, so nothing else is accepted.
 */
export function isPushServiceEndpoint(
  endpoint: string,
  allowedHosts: readonly string[] = alertSettings.push.allowedHosts
): boolean {
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    return false
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false
  if (url.port && url.port !== '443') return false
  const host = url.hostname.toLowerCase()
  return allowedHosts.some((allowed) =>
    allowed.startsWith('*.') ? host.endsWith(allowed.slice(1)) : host === allowed
  )
}
