import limiter from '@adonisjs/limiter/services/main'

/** Exports read every module's tables: a few per hour is plenty for a person. */
export const exportThrottle = limiter.define('privacy_export', (ctx) =>
  limiter
    .allowRequests(5)
    .every('1 hour')
    .usingKey(`user:${ctx.auth.user?.id ?? ctx.request.ip()}`)
)

/** Password guesses through the erasure form count like logins. */
export const eraseThrottle = limiter.define('privacy_erase', (ctx) =>
  limiter
    .allowRequests(10)
    .every('1 hour')
    .usingKey(`user:${ctx.auth.user?.id ?? ctx.request.ip()}`)
)
