import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'

/**
 * Sessions live in signed, encrypted cookies so web nodes stay stateless.
 * "Log out other sessions" works through users.session_epoch (see the
 * accounts module), not by deleting server-side rows.
 */
export default defineConfig({
  enabled: true,
  cookieName: 'quartier-session',
  clearWithBrowser: false,
  age: '2h',
  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
  store: 'cookie',
  stores: {
    cookie: stores.cookie(),
  },
})
