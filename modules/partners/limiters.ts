import limiter from '@adonisjs/limiter/services/main'

/**
 * Following partner offers: each click may call the partner's booking
 * link, so a resident (or a script with their session) cannot turn us
 * into a relay hammering a partner.
 */
export const followThrottle = limiter.define('partners_follow', (ctx) =>
  limiter
    .allowRequests(60)
    .every('10 minutes')
    .usingKey(`user:${ctx.auth.user?.id ?? ctx.request.ip()}`)
)
