import limiter from '@adonisjs/limiter/services/main'
import { moderationSettings } from '#modules/moderation/services/settings'

/** Reports per resident and day: plenty for a neighbour, a wall for someone flooding the queue. */
export const reportThrottle = limiter.define('moderation_reports', (ctx) =>
  limiter
    .allowRequests(moderationSettings.reportsPerDay)
    .every('24 hours')
    .usingKey(`user:${ctx.auth.user?.id ?? ctx.request.ip()}`)
)
