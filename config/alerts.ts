import env from '#start/env'
import { StartupError } from '#app/startup_error'

/**
 * Knobs of the alerts module: what a resident may raise, how the fan-out
 * retries, web push (VAPID) and what SMS may cost.
 */
const vapidPublicKey = env.get('VAPID_PUBLIC_KEY') ?? ''
const vapidPrivateKey = env.get('VAPID_PRIVATE_KEY')?.release() ?? ''

if (Boolean(vapidPublicKey) !== Boolean(vapidPrivateKey)) {
  throw new StartupError(
    `web push needs both VAPID keys but only ${vapidPublicKey ? 'VAPID_PUBLIC_KEY' : 'VAPID_PRIVATE_KEY'} is set.`,
    'Run `npm run ace -- alerts:vapid-keys` and set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY,\nor neither (web push is then off and the preferences page says so).'
  )
}

export default {
  /** Alerts a resident may raise per rolling 24 hours (counted in the database). */
  perResidentPerDay: 3,
  /** POSTs to the raise form per resident per hour (a limiter in front of the count). */
  raiseAttemptsPerHour: 10,
  textMax: 280,
  /** A place picked on the map must lie within this distance of the author's home. */
  placeMaxDistanceM: 5000,
  /** A place is shown snapped to a grid of this size, like residents' display points. */
  fuzzGridM: 150,
  /** Residents reached by the expansion per transaction. */
  expansionBatchSize: 500,
  /** Deliveries one channel job sends (claimed together). */
  deliveriesPerJob: 50,
  /** Sends a channel job runs at once. */
  concurrency: { push: 20, email: 5, sms: 5 },
  retry: {
    /** Tries before a delivery is dead-lettered (operators can replay it). */
    maxAttempts: 6,
    /** Exponential backoff with full jitter: up to base * 2^(attempt - 1), capped. */
    baseDelayMs: 5_000,
    maxDelayMs: 15 * 60_000,
    /** A delivery claimed longer ago than this lost its worker mid-send. */
    claimLeaseMs: 5 * 60_000,
    /** A pending delivery or outbox row due longer ago than this lost its job: queue it again. */
    overdueMs: 2 * 60_000,
  },
  push: {
    enabled: Boolean(vapidPublicKey && vapidPrivateKey),
    vapid: {
      publicKey: vapidPublicKey,
      privateKey: vapidPrivateKey,
      subject:
        env.get('VAPID_SUBJECT') ??
        `mailto:${env.get('MAIL_FROM_ADDRESS', 'bonjour@quartier.localhost')}`,
    },
    /** Push services keep an undelivered alert this long (device offline). */
    ttlSeconds: 12 * 3600,
    timeoutMs: 10_000,
    /**
     * Subscriptions are URLs this server posts to: only the browsers' push
     * services are accepted (no request to an address a resident chose).
     */
    allowedHosts: [
      'fcm.googleapis.com',
      'android.googleapis.com',
      'updates.push.services.mozilla.com',
      '*.push.services.mozilla.com',
      'web.push.apple.com',
      '*.push.apple.com',
      '*.notify.windows.com',
    ],
    /** Devices a resident may register. */
    maxDevices: 10,
  },
  sms: {
    /** SMS per Paris calendar day, every alert together (what the site may spend). */
    dailyBudget: env.get('ALERTS_SMS_DAILY_BUDGET', 500),
    /** SMS one resident may receive per Paris calendar day. */
    residentDailyCap: env.get('ALERTS_SMS_RESIDENT_DAILY_CAP', 5),
    /** SMS the alerts of one neighbourhood may send per Paris calendar day. */
    neighbourhoodDailyCap: env.get('ALERTS_SMS_NEIGHBOURHOOD_DAILY_CAP', 200),
    /** The phone check: a 6-digit code, valid 10 minutes, 5 tries. */
    codeTtlMinutes: 10,
    codeMaxAttempts: 5,
    /** A new code no sooner than this after the previous one. */
    codeResendSeconds: 60,
  },
  timeZone: 'Europe/Paris',
}
