/*
| Environment variables, validated at boot and grouped by concern.
| Every variable is listed in README.md ("Configuration"). A missing or
| malformed value stops the boot with a message saying what to set.
*/
import { Env } from '@adonisjs/core/env'
import { Secret } from '@adonisjs/core/helpers'

const oneOf = <T extends string>(choices: readonly T[], hint: string) => {
  return (key: string, value?: string): T | undefined => {
    if (value === undefined || value === '') return undefined
    if (!choices.includes(value as T)) {
      throw new Error(`${key} must be one of ${choices.join(', ')} (got "${value}"). ${hint}`)
    }
    return value as T
  }
}

export default await Env.create(new URL('../', import.meta.url), {
  /* Application */
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const, {
    message: 'NODE_ENV must be development, production or test',
  }),
  APP_KEY: (key: string, value?: string) => {
    if (!value || value.length < 32) {
      throw new Error(
        `${key} must be a random secret of at least 32 characters: \`npm start\` writes one into .env on first run; elsewhere run \`npm run ace -- generate:key\`.`
      )
    }
    return new Secret(value)
  },
  APP_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  HOST: Env.schema.string.optional({ format: 'host' }),
  PORT: Env.schema.number.optional(),
  LOG_LEVEL: Env.schema.enum.optional([
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ] as const),
  TRUST_PROXY: Env.schema.boolean.optional(),

  /* Database: embedded PGlite (default) or a real PostgreSQL + PostGIS */
  DB_DRIVER: oneOf(
    ['embedded', 'postgres'] as const,
    'Leave it unset to pick postgres when DATABASE_URL is set.'
  ),
  DATABASE_URL: Env.schema.string.optional(),
  DB_POOL_MAX: Env.schema.number.optional(),
  DB_AUTO_MIGRATE: Env.schema.boolean.optional(),
  DB_SEED_DEMO: Env.schema.boolean.optional(),
  EMBEDDED_DB_DIR: Env.schema.string.optional(),
  EMBEDDED_DB_PORT: Env.schema.number.optional(),

  /* Rate limits */
  LIMITER_STORE: oneOf(['database', 'memory'] as const, 'database shares limits between nodes.'),

  /* Mail */
  MAIL_DRIVER: oneOf(
    ['smtp', 'file'] as const,
    'file writes mails under storage/mails for development.'
  ),
  MAIL_FROM_ADDRESS: Env.schema.string.optional({ format: 'email' }),
  MAIL_FROM_NAME: Env.schema.string.optional(),
  MAIL_DIR: Env.schema.string.optional(),
  SMTP_HOST: Env.schema.string.optional(),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_SECURE: Env.schema.boolean.optional(),
  SMTP_USERNAME: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.secret.optional(),

  /* Background jobs */
  QUEUE_DRIVER: oneOf(
    ['database', 'redis', 'sync'] as const,
    'Leave it unset: database (the jobs table in PostgreSQL), or redis when REDIS_URL is set.'
  ),
  QUEUE_WORKER_IN_PROCESS: Env.schema.boolean.optional(),

  /* Several app processes: Transmit's bus and the job queue through Redis */
  REDIS_URL: (key: string, value?: string) => {
    if (value === undefined || value === '') return undefined
    let url: URL | null = null
    try {
      url = new URL(value)
    } catch {}
    const database = url?.pathname.replace(/^\//, '') ?? ''
    if (
      !url ||
      !['redis:', 'rediss:'].includes(url.protocol) ||
      !url.hostname ||
      !/^\d*$/.test(database)
    ) {
      throw new Error(
        `${key} must be a Redis URL such as redis://127.0.0.1:6379/0 (rediss:// for TLS, redis://:password@host:6379). Leave it empty when one app process serves everything.`
      )
    }
    return value
  },

  /* Uploads */
  DRIVE_ROOT: Env.schema.string.optional(),

  /* Partner plugins (config/plugins.ts): each is loaded when its URL is set */
  PARTNER_GBFS_DISCOVERY_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  PARTNER_RDEX_JOURNEYS_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  PARTNER_RDEX_DESTINATIONS: Env.schema.string.optional(),
  PARTNER_RDEX_OPERATOR_NAME: Env.schema.string.optional(),
  PARTNER_RDEX_PUBLIC_KEY: Env.schema.secret.optional(),
  PARTNER_RDEX_PRIVATE_KEY: Env.schema.secret.optional(),
  PARTNER_STORAGE_FEED_URL: Env.schema.string.optional({ format: 'url', tld: false }),

  /* Neighbourhoods */
  NEIGHBOURHOODS_OPEN_THRESHOLD: Env.schema.number.optional(),
  NEIGHBOURHOODS_NEARBY_DISTANCE_M: Env.schema.number.optional(),
  GEOCODER_DRIVER: oneOf(['ban', 'none'] as const, 'none places residents with a map pin only.'),
  GEOCODER_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  MAP_TILE_URL: Env.schema.string.optional(),

  /* SMS */
  SMS_DRIVER: oneOf(
    ['twilio', 'log', 'none'] as const,
    'log appends SMS to storage/sms.log (development); none switches SMS invitations off.'
  ),
  SMS_DAILY_LIMIT: Env.schema.number.optional(),
  TWILIO_ACCOUNT_SID: (key: string, value?: string) => {
    if (value === undefined || value === '') return undefined
    if (!/^AC[0-9a-f]{32}$/i.test(value)) {
      throw new Error(
        `${key} must be a Twilio Account SID: AC followed by 32 hexadecimal characters.`
      )
    }
    return value
  },
  TWILIO_AUTH_TOKEN: Env.schema.secret.optional(),
  /** A local stand-in for Twilio's API (bench/alerts); unset in production. */
  TWILIO_API_BASE_URL: (key: string, value?: string) => {
    if (value === undefined || value === '') return undefined
    if (!/^https?:\/\/[^\s/]+/.test(value)) {
      throw new Error(`${key} must be an http(s) URL, e.g. http://127.0.0.1:4010.`)
    }
    return value
  },
  TWILIO_FROM: (key: string, value?: string) => {
    if (value === undefined || value === '') return undefined
    const e164 = /^\+[1-9]\d{6,14}$/.test(value)
    const service = /^MG[0-9a-f]{32}$/i.test(value)
    const senderId = /^(?=.*[a-z])[a-z0-9 ]{1,11}$/i.test(value)
    if (!e164 && !service && !senderId) {
      throw new Error(
        `${key} must be a sending number in E.164 form (+33...), a Messaging Service SID (MG...) or an alphanumeric sender ID (up to 11 letters and digits).`
      )
    }
    return value
  },

  /* Alerts: web push (VAPID) and SMS cost caps */
  VAPID_PUBLIC_KEY: (key: string, value?: string) => {
    if (value === undefined || value === '') return undefined
    if (!/^[A-Za-z0-9_-]{86,88}$/.test(value)) {
      throw new Error(
        `${key} must be a VAPID public key (87 URL-safe base64 characters): \`npm run ace -- alerts:vapid-keys\` makes a pair.`
      )
    }
    return value
  },
  VAPID_PRIVATE_KEY: (key: string, value?: string) => {
    if (value === undefined || value === '') return undefined
    if (!/^[A-Za-z0-9_-]{42,44}$/.test(value)) {
      throw new Error(
        `${key} must be a VAPID private key (43 URL-safe base64 characters): \`npm run ace -- alerts:vapid-keys\` makes a pair.`
      )
    }
    return new Secret(value)
  },
  VAPID_SUBJECT: (key: string, value?: string) => {
    if (value === undefined || value === '') return undefined
    if (!/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/.test(value)) {
      throw new Error(
        `${key} must say who runs this site to push services: a mailto: address or an https:// URL.`
      )
    }
    return value
  },
  ALERTS_SMS_DAILY_BUDGET: Env.schema.number.optional(),
  ALERTS_SMS_RESIDENT_DAILY_CAP: Env.schema.number.optional(),
  ALERTS_SMS_NEIGHBOURHOOD_DAILY_CAP: Env.schema.number.optional(),

  /* Accounts */
  ACCOUNTS_CONFIRMATION_TTL_HOURS: Env.schema.number.optional(),
  ACCOUNTS_RESET_TTL_MINUTES: Env.schema.number.optional(),
})
