import smsConfig from '#config/sms'

/**
 * The rules of invitations in one place.
 */
export const invitationSettings = {
  /** A code works this long after it was sent or printed. */
  ttlDays: 30,
  /**
   * The letter page reuses the resident's current code while it stays
   * valid this long; closer to its end it prints a new one (the old one
   * keeps working until it expires: flyers already handed out).
   */
  letterReuseMinDays: 14,
  /** Per resident, per rolling 24 hours. */
  emailsPerDay: 30,
  get smsPerDay() {
    return smsConfig.dailyLimitPerResident
  },
  /** Invitations listed on the resident's page. */
  listed: 50,
}
