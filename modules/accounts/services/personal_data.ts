import db from '@adonisjs/lucid/services/db'
import type { PersonalDataSection } from '#modules/privacy/index'

/**
 * The account itself (the row is anonymised last, by accounts.anonymise,
 * after every section). Erasure here removes what still holds the e-mail
 * address outside the row: pending links and password-reset rate-limit
 * counters keyed by address.
 */
export const accountsPersonalData: PersonalDataSection = {
  name: 'profile',

  async export(userId: number) {
    const user = await db.from('users').where('id', userId).first()
    if (!user) return null
    return {
      displayName: user.display_name,
      email: user.email,
      homeAddress: user.home_address,
      locale: user.locale,
      emailVerifiedAt: user.email_verified_at,
      streetVisibility: user.street_visibility,
      photoVisibility: user.photo_visibility,
      hasPhoto: user.photo_key !== null,
      createdAt: user.created_at,
    }
  },

  async erase(userId: number, trx) {
    const user = await trx.from('users').where('id', userId).select('email').first()
    if (!user) return
    await trx.from('account_tokens').where('user_id', userId).delete()
    await trx.from('remember_me_tokens').where('tokenable_id', userId).delete()
    const email = String(user.email).toLowerCase()
    await trx.from('rate_limits').whereRaw('position(? in key) > 0', [email]).delete()
  },
}
