import { defineConfig } from '@adonisjs/core/app'

export default defineConfig({
  experimental: {},

  commands: [
    () => import('@adonisjs/core/commands'),
    () => import('@adonisjs/lucid/commands'),
    () => import('@adonisjs/mail/commands'),
    () => import('@adonisjs/queue/commands'),
    () => import('@adonisjs/bouncer/commands'),
    () => import('@adonisjs/session/commands'),
    /* Quartier: module commands (root commands/ is loaded on its own) */
    () => import('#modules/verification/commands/main'),
  ],

  providers: [
    () => import('@adonisjs/core/providers/app_provider'),
    () => import('@adonisjs/core/providers/hash_provider'),
    {
      file: () => import('@adonisjs/core/providers/repl_provider'),
      environment: ['repl', 'test'],
    },
    () => import('@adonisjs/core/providers/vinejs_provider'),
    () => import('@adonisjs/core/providers/edge_provider'),
    () => import('@adonisjs/session/session_provider'),
    () => import('@adonisjs/vite/vite_provider'),
    () => import('@adonisjs/shield/shield_provider'),
    () => import('@adonisjs/static/static_provider'),
    () => import('@adonisjs/lucid/database_provider'),
    () => import('@adonisjs/auth/auth_provider'),
    () => import('@adonisjs/mail/mail_provider'),
    () => import('@adonisjs/limiter/limiter_provider'),
    () => import('@adonisjs/i18n/i18n_provider'),
    /* Connects only when asked (REDIS_URL: Transmit's bus, the job queue) */
    () => import('@adonisjs/redis/redis_provider'),
    () => import('@adonisjs/transmit/transmit_provider'),
    () => import('@adonisjs/queue/queue_provider'),
    () => import('@adonisjs/bouncer/bouncer_provider'),
    () => import('@adonisjs/drive/drive_provider'),
    /* Quartier: cross-cutting wiring, then one provider per module */
    () => import('#app/providers/app_provider'),
    () => import('#modules/accounts/provider'),
    () => import('#modules/neighbourhoods/provider'),
    () => import('#modules/verification/provider'),
    () => import('#modules/feed/provider'),
    () => import('#modules/messaging/provider'),
    () => import('#modules/exchanges/provider'),
    () => import('#modules/alerts/provider'),
    () => import('#modules/group_buys/provider'),
    () => import('#modules/partners/provider'),
    () => import('#modules/organisations/provider'),
    () => import('#modules/events/provider'),
    () => import('#modules/moderation/provider'),
    () => import('#modules/privacy/provider'),
    () => import('#modules/notifications/provider'),
    () => import('#modules/backoffice/provider'),
  ],

  preloads: [
    () => import('#start/routes'),
    () => import('#start/kernel'),
    () => import('#start/view'),
    () => import('#start/transmit'),
    { file: () => import('#start/database_boot'), environment: ['web'] },
  ],

  directories: {
    views: 'app/views',
    languageFiles: 'resources/lang',
  },

  tests: {
    suites: [
      {
        name: 'unit',
        files: ['tests/unit/**/*.spec.{ts,js}'],
        timeout: 10_000,
      },
      {
        name: 'functional',
        files: ['tests/functional/**/*.spec.{ts,js}'],
        timeout: 30_000,
      },
      {
        name: 'browser',
        files: ['tests/browser/**/*.spec.{ts,js}'],
        timeout: 60_000,
      },
      {
        name: 'contract',
        files: ['tests/contract/**/*.spec.{ts,js}'],
        timeout: 30_000,
      },
      /* The plugin SDK's own tests and every partner plugin through its conformance suite */
      {
        name: 'plugins',
        files: ['sdk/tests/**/*.spec.{ts,js}', 'plugins/*/tests/**/*.spec.{ts,js}'],
        timeout: 60_000,
      },
    ],
    forceExit: false,
  },

  metaFiles: [
    { pattern: 'app/views/**/*.edge', reloadServer: false },
    { pattern: 'modules/*/views/**/*.edge', reloadServer: false },
    { pattern: 'resources/lang/**/*.{json,yaml}', reloadServer: false },
    { pattern: 'public/**', reloadServer: false },
    /* Workspace manifests, so `npm ci` inside build/ links the compiled SDK and plugins */
    { pattern: 'sdk/package.json', reloadServer: false },
    { pattern: 'plugins/*/package.json', reloadServer: false },
  ],

  hooks: {
    buildStarting: [() => import('@adonisjs/vite/build_hook')],
  },
})
