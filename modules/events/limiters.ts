import limiter from '@adonisjs/limiter/services/main'

/**
 * Rate limits of the events forms, per resident (after
 * `middleware.auth()`), and of the calendar feed per address (calendar
 * apps poll it every few minutes to hours; a script guessing tokens does
 * not get far).
 */
export const eventWriteThrottle = limiter.define('events_write', (ctx) =>
  limiter
    .allowRequests(40)
    .every('24 hours')
    .usingKey(`user:${ctx.auth.user?.id ?? ctx.request.ip()}`)
)

export const rsvpThrottle = limiter.define('events_rsvp', (ctx) =>
  limiter
    .allowRequests(60)
    .every('1 hour')
    .usingKey(`user:${ctx.auth.user?.id ?? ctx.request.ip()}`)
)

export const calendarFeedThrottle = limiter.define('events_calendar', (ctx) =>
  limiter.allowRequests(120).every('1 hour').usingKey(`ip:${ctx.request.ip()}`)
)
