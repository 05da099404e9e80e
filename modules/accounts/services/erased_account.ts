import { randomBytes } from 'node:crypto'
import i18nManager from '@adonisjs/i18n/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * How an erased account is named wherever its content stays (threads,
 * campaigns, old posts): "Ancien·ne voisin·e" / "Former resident".
 * Without the viewer's locale, the default language.
 */
export function erasedLabel(locale?: string): string {
  return i18nManager.locale(locale ?? i18nManager.defaultLocale).t('accounts.erased.name')
}

/** Whether a stored display name is the label of an erased account (in any language). */
export function isErasedLabel(displayName: string): boolean {
  return i18nManager.supportedLocales().some((locale) => erasedLabel(locale) === displayName)
}

/** The address an erased account keeps: unique, and not an address anyone receives mail at. */
export function erasedEmail(id: number): string {
  return `erased-${id}@invalid`
}

/**
 * Anonymises the account row in place (inside the erasure transaction,
 * after every module erased its rows): no name, address, e-mail or photo
 * left; the password is not a hash any password matches; the session
 * epoch moves so every session ends; remembered devices are forgotten.
 * Returns the photo file key to delete after the commit.
 */
export async function anonymiseAccount(
  id: number,
  trx: TransactionClientContract
): Promise<string | null> {
  const row = await trx.from('users').where('id', id).forUpdate().first()
  if (!row) return null
  await trx.from('remember_me_tokens').where('tokenable_id', id).delete()
  await trx.from('account_tokens').where('user_id', id).delete()
  await trx
    .from('users')
    .where('id', id)
    .update({
      display_name: erasedLabel(),
      email: erasedEmail(id),
      /** Not a PHC string: verifying any password against it fails. */
      password: `!erased:${randomBytes(24).toString('hex')}`,
      home_address: '',
      email_verified_at: null,
      street_visibility: 'nobody',
      photo_visibility: 'nobody',
      photo_key: null,
      photo_type: null,
      role: 'resident',
      session_epoch: Number(row.session_epoch ?? 0) + 1,
      erased_at: new Date(),
      updated_at: new Date(),
    })
  return row.photo_key ?? null
}
