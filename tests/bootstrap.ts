import { existsSync } from 'node:fs'
import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import { browserClient } from '@japa/browser-client'
import app from '@adonisjs/core/services/app'
import type { Config } from '@japa/runner/types'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import testUtils from '@adonisjs/core/services/test_utils'
import { sessionApiClient } from '@adonisjs/session/plugins/api_client'
import { sessionBrowserClient } from '@adonisjs/session/plugins/browser_client'
import { shieldApiClient } from '@adonisjs/shield/plugins/api_client'
import { authApiClient } from '@adonisjs/auth/plugins/api_client'
import { authBrowserClient } from '@adonisjs/auth/plugins/browser_client'
import { chromium } from 'playwright'

/**
 * Browser tests drive Debian's Chromium. Without it they are skipped with
 * the command to install it, except in CI where that is a failure.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium && process.env.CI === 'true') {
  throw new Error(`Chromium is required in CI for the browser suite and is missing at ${CHROMIUM}`)
}
const CHROMIUM_HINT = `Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`

export const plugins: Config['plugins'] = [
  assert(),
  pluginAdonisJS(app),
  apiClient(),
  sessionApiClient(app),
  shieldApiClient(),
  authApiClient(app),
  browserClient({
    runInSuites: hasChromium ? ['browser'] : [],
    /** A French resident's browser, like most of ours. */
    contextOptions: { locale: 'fr-FR' },
    launcher: (options) =>
      chromium.launch({
        ...options,
        executablePath: CHROMIUM,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      }),
  }),
  sessionBrowserClient(app),
  authBrowserClient(app),
]

/**
 * Migrations run once on the test database (a throwaway embedded one, or
 * the DATABASE_URL given to `npm test`); each test then starts from empty
 * tables (tests/helpers/database.ts).
 */
export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [() => testUtils.db().migrate()],
  teardown: [],
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  if (suite.name === 'browser' && !hasChromium) {
    console.warn(`\n  ${CHROMIUM_HINT}; the browser suite is skipped.\n`)
    suite.onGroup((group) => group.tap((test) => test.skip(true, CHROMIUM_HINT)))
    suite.onTest((test) => test.skip(true, CHROMIUM_HINT))
    return
  }
  if (['browser', 'functional', 'contract'].includes(suite.name)) {
    return suite.setup(() => testUtils.httpServer().start())
  }
  /** Unit tests build URLs (mail links) without a running server. */
  suite.setup(async () => {
    const router = await app.container.make('router')
    router.commit()
  })
}
