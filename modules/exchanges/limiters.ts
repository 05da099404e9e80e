import limiter from '@adonisjs/limiter/services/main'

/**
 * Rate limits of the exchanges forms, per resident (after
 * `middleware.auth()`). Posting re-encodes photos (CPU): every attempt
 * counts (30 a day leaves room for a few refused forms). Answers and bookings open conversations: generous for a
 * neighbour, tight for a spammer.
 */
export const exchangePostThrottle = limiter.define('exchanges_post', (ctx) =>
  limiter
    .allowRequests(30)
    .every('24 hours')
    .usingKey(`user:${ctx.auth.user?.id ?? ctx.request.ip()}`)
)

export const exchangeReplyThrottle = limiter.define('exchanges_reply', (ctx) =>
  limiter
    .allowRequests(40)
    .every('1 hour')
    .usingKey(`user:${ctx.auth.user?.id ?? ctx.request.ip()}`)
)
