import limiter from '@adonisjs/limiter/services/main'

/**
 * Rate limits of the accounts forms, calibrated on Mastodon's. Every
 * attempt counts, successful or not; going over answers 429 with a page
 * saying when to retry.
 */
export const loginThrottle = limiter.define('accounts_login', (ctx) =>
  limiter.allowRequests(25).every('5 minutes').usingKey(`ip:${ctx.request.ip()}`)
)

export const signupThrottle = limiter.define('accounts_signup', (ctx) =>
  limiter.allowRequests(5).every('30 minutes').usingKey(`ip:${ctx.request.ip()}`)
)

/** Per address, so nobody can flood one inbox with reset mails... */
export const resetPerAddressThrottle = limiter.define('accounts_reset_address', (ctx) => {
  const address = String(ctx.request.input('email') ?? '')
    .trim()
    .toLowerCase()
    .slice(0, 254)
  return limiter.allowRequests(5).every('30 minutes').usingKey(`address:${address}`)
})

/** ...and per IP, so nobody can walk through many addresses either. */
export const resetPerIpThrottle = limiter.define('accounts_reset_ip', (ctx) =>
  limiter.allowRequests(20).every('30 minutes').usingKey(`ip:${ctx.request.ip()}`)
)

/** Re-sending the confirmation link, and e-mail change requests. */
export const accountMailThrottle = limiter.define('accounts_mail', (ctx) =>
  limiter
    .allowRequests(5)
    .every('30 minutes')
    .usingKey(`user:${ctx.auth.user?.id ?? ctx.request.ip()}`)
)

/** Asking for mail again after an address opt-out: a few a day per account. */
export const mailOptInThrottle = limiter.define('accounts_mail_opt_in', (ctx) =>
  limiter
    .allowRequests(3)
    .every('24 hours')
    .usingKey(`user:${ctx.auth.user?.id ?? ctx.request.ip()}`)
)
