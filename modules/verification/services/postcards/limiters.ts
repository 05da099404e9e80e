import limiter from '@adonisjs/limiter/services/main'

/**
 * Rate limits of the postcard forms (after `middleware.auth()`). Asking
 * for a card is rare; typing a code is capped per resident and IP on top
 * of the 5 tries each code allows.
 */
export const postcardRequestThrottle = limiter.define('postcards_request', (ctx) =>
  limiter
    .allowRequests(10)
    .every('1 hour')
    .usingKey(`user:${ctx.auth.user?.id ?? ctx.request.ip()}`)
)

export const postcardCodeThrottle = limiter.define('postcards_code', (ctx) =>
  limiter
    .allowRequests(10)
    .every('15 minutes')
    .usingKey(`user:${ctx.auth.user?.id ?? 'guest'}:ip:${ctx.request.ip()}`)
)
