import limiter from '@adonisjs/limiter/services/main'

/**
 * Sending messages: 30 per 10 minutes per resident, plenty for a
 * conversation and a brake on anyone flooding neighbours. Every attempt
 * counts; going over answers the 429 page saying when to retry.
 */
export const sendMessageThrottle = limiter.define('messaging_send', (ctx) =>
  limiter
    .allowRequests(30)
    .every('10 minutes')
    .usingKey(`user:${ctx.auth.user?.id ?? ctx.request.ip()}`)
)
