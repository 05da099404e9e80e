import limiter from '@adonisjs/limiter/services/main'
import { cooptationSettings } from '#modules/verification/services/cooptation/settings'

/**
 * Asking neighbours sends them a mail: every attempt counts, per
 * candidate, so nobody floods a neighbourhood's inboxes.
 */
export const vouchRequestThrottle = limiter.define('verification_vouch_requests', (ctx) =>
  limiter
    .allowRequests(cooptationSettings.asksPerDay)
    .every('1 day')
    .usingKey(`user:${ctx.auth.user?.id ?? ctx.request.ip()}`)
)
