import env from '#start/env'

/**
 * Knobs of the accounts module.
 */
export default {
  /** E-mail confirmation links stay valid this long. */
  confirmationTtlHours: env.get('ACCOUNTS_CONFIRMATION_TTL_HOURS', 48),
  /** Password reset links stay valid this long. */
  resetTtlMinutes: env.get('ACCOUNTS_RESET_TTL_MINUTES', 60),
}
