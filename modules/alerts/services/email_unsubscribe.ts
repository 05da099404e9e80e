import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { preferencesFromRow, preferencesToRow } from '#modules/alerts/services/preferences'
import { SEVERITIES } from '#modules/alerts/services/settings'

/** The notification type alert mails' one-click unsubscribe names. */
export const ALERT_EMAIL_TYPE = 'alerts.email'

/**
 * A one-click unsubscribe from an alert mail: no more alert e-mails at
 * any severity (push, SMS and quiet hours stay as they were). Runs in the
 * notifications module's unsubscribe transaction.
 */
export async function stopAlertEmails(
  userId: number,
  trx: TransactionClientContract
): Promise<void> {
  const row = await trx.from('alert_preferences').where('user_id', userId).forUpdate().first()
  const preferences = preferencesFromRow(row)
  for (const severity of SEVERITIES) preferences.channels.email[severity] = false
  await trx
    .knexQuery()
    .table('alert_preferences')
    .insert({ user_id: userId, ...preferencesToRow(preferences), updated_at: new Date() })
    .onConflict('user_id')
    .merge()
}
