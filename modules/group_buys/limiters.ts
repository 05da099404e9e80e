import limiter from '@adonisjs/limiter/services/main'

/**
 * Rate limits of the group buys forms, per resident (after
 * `middleware.auth()`): a neighbour writes a few campaigns a day and
 * changes a pledge a few times; a script does not get to hammer the
 * campaign's row lock.
 */
export const campaignWriteThrottle = limiter.define('group_buys_write', (ctx) =>
  limiter
    .allowRequests(40)
    .every('24 hours')
    .usingKey(`user:${ctx.auth.user?.id ?? ctx.request.ip()}`)
)

export const pledgeThrottle = limiter.define('group_buys_pledge', (ctx) =>
  limiter
    .allowRequests(60)
    .every('1 hour')
    .usingKey(`user:${ctx.auth.user?.id ?? ctx.request.ip()}`)
)
