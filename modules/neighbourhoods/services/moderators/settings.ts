/** Rules of the moderator role (the validators enforce them, the page shows them). */
export const moderatorSettings = {
  /** The resident receives the reason: it has to say something. */
  revokeReason: { min: 10, max: 500 },
} as const

/** The notification type residents see (and may switch off by mail) for their role. */
export const MODERATOR_NOTIFICATION_TYPE = 'neighbourhoods.moderator'
