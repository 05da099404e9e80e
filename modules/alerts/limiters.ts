import limiter from '@adonisjs/limiter/services/main'
import { alertSettings } from '#modules/alerts/services/settings'

/**
 * Rate limits of the alerts forms. The 3 alerts a day are counted in the
 * database (RaiseAlert); this limiter only stops a flood of posts in
 * front of it. Phone codes cost an SMS each and can be guessed: both the
 * sending and the typing are limited, on top of the code's own 5 tries.
 */
const byResident = (ctx: {
  auth: { user?: { id: number | string } }
  request: { ip(): string }
}) => (ctx.auth.user ? `user:${ctx.auth.user.id}` : `ip:${ctx.request.ip()}`)

export const raiseThrottle = limiter.define('alerts_raise', (ctx) =>
  limiter
    .allowRequests(alertSettings.raiseAttemptsPerHour)
    .every('1 hour')
    .usingKey(byResident(ctx))
)

export const phoneCodeThrottle = limiter.define('alerts_phone_code', (ctx) =>
  limiter.allowRequests(5).every('1 hour').usingKey(byResident(ctx))
)

export const phoneVerifyThrottle = limiter.define('alerts_phone_verify', (ctx) =>
  limiter.allowRequests(10).every('15 minutes').usingKey(byResident(ctx))
)

export const pushThrottle = limiter.define('alerts_push', (ctx) =>
  limiter.allowRequests(30).every('1 hour').usingKey(byResident(ctx))
)
