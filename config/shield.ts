import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/shield'
import neighbourhoodsConfig from '#config/neighbourhoods'

/** Map tiles come from MAP_TILE_URL's host ("{s}." subdomains allowed). */
function tileSources(template: string): string[] {
  if (template === 'none') return []
  try {
    const url = new URL(template.replace(/\{[a-z]\}/g, 'x'))
    return [`${url.protocol}//${url.host.replace(/^x\./, '*.')}`]
  } catch {
    return []
  }
}

/**
 * Strict CSP with per-request nonces. Alpine runs from its CSP build, so
 * no 'unsafe-eval'. The Vite dev server (tests, `npm run dev`) serves
 * assets from this origin and only adds its hot-reload websocket.
 */
const devServer = !app.inProduction && (app.inTest || !!process.env.DEV_MODE)

export default defineConfig({
  csp: {
    enabled: true,
    directives: {
      defaultSrc: [`'self'`],
      scriptSrc: [`'self'`, '@nonce'],
      styleSrc: [`'self'`, '@nonce'],
      imgSrc: [`'self'`, 'data:', ...tileSources(neighbourhoodsConfig.map.tileUrl)],
      connectSrc: [`'self'`, ...(devServer ? ['ws://localhost:*', 'ws://127.0.0.1:*'] : [])],
      fontSrc: [`'self'`],
      objectSrc: [`'none'`],
      baseUri: [`'self'`],
      formAction: [`'self'`],
      frameAncestors: [`'none'`],
    },
    reportOnly: false,
  },
  csrf: {
    enabled: true,
    /**
     * A function, not a list of patterns: Shield runs on the server stack
     * (see start/kernel.ts), before routing: no route to compare, only the
     * path. Twilio's delivery receipts carry a signature instead (checked by
     * their controller).
     */
    exceptRoutes: (ctx) =>
      ctx.request.url() === '/alerts/receipts/twilio' ||
      /** One-click unsubscribe (RFC 8058): mail providers POST it; the signed token is the check. */
      ctx.request.url().startsWith('/unsubscribe/'),
    enableXsrfCookie: false,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },
  xFrame: {
    enabled: true,
    action: 'DENY',
  },
  hsts: {
    enabled: app.inProduction,
    maxAge: '180 days',
  },
  contentTypeSniffing: {
    enabled: true,
  },
})
