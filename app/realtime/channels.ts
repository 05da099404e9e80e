import transmit from '@adonisjs/transmit/services/main'
import type { HttpContext } from '@adonisjs/core/http'

type Authorizer<Params> = (ctx: HttpContext, params: Params) => boolean | Promise<boolean>

const patterns: RegExp[] = []

function toRegExp(pattern: string) {
  const source = pattern
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/')
  return new RegExp(`^${source}$`)
}

/**
 * Declares a live-update channel and who may subscribe to it. Transmit
 * leaves unlisted channels open to anyone; here they are refused (see
 * isDeclaredChannel), so forgetting a rule cannot leak a neighbourhood's
 * private updates.
 */
export function authorizeChannel<Params extends Record<string, string>>(
  pattern: string,
  authorizer: Authorizer<Params>
) {
  patterns.push(toRegExp(pattern))
  transmit.authorize<Params>(pattern, authorizer)
}

export function isDeclaredChannel(channel: unknown): boolean {
  return typeof channel === 'string' && patterns.some((regexp) => regexp.test(channel))
}
