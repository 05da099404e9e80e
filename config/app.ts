import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/http'

const port = env.get('PORT', 3333)

/**
 * Absolute URL of the site, used in mails (confirmation and reset links).
 */
export const appUrl = env.get('APP_URL', `http://localhost:${port}`)

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: false,
  useAsyncLocalStorage: false,
  /**
   * Behind a load balancer the client IP (used by rate limits) comes from
   * X-Forwarded-For; only trust it when told to.
   */
  trustProxy: env.get('TRUST_PROXY', false) ? () => true : () => false,
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
