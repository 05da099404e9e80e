import logger from '@adonisjs/core/services/logger'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import { accounts } from '#modules/accounts/index'
import { emailWanted, unsubscribeUrl } from '#modules/notifications/index'
import {
  AmbassadorMail,
  type AmbassadorMailKind,
} from '#modules/neighbourhoods/mails/ambassador_mail'

/** The notification type residents switch off (or unsubscribe from) to stop these mails. */
export const AMBASSADOR_MAIL_TYPE = 'ambassadors.updates'

/**
 * Tells a resident about their application or kit order, after the commit.
 * The change stands even if the mail cannot be queued (the resident also
 * sees it on their page): a failure is logged, never an error page.
 */
export async function notifyResident(
  subject: { userId: number; neighbourhoodId: number; logContext: Record<string, unknown> },
  kind: AmbassadorMailKind,
  params: { url: string; note?: string | null; reapplyOn?: Date; orderNumber?: number }
) {
  try {
    const recipient = await accounts.mailRecipientOf(subject.userId)
    const neighbourhood = await db
      .from('neighbourhoods')
      .where('id', subject.neighbourhoodId)
      .select('name')
      .first()
    if (!recipient || !neighbourhood) return
    if (!(await emailWanted(subject.userId, AMBASSADOR_MAIL_TYPE))) return
    await mail.sendLater(
      new AmbassadorMail(recipient.email, recipient.locale, kind, {
        name: recipient.displayName,
        neighbourhood: neighbourhood.name,
        ...params,
      }).withUnsubscribe(unsubscribeUrl(subject.userId, { type: AMBASSADOR_MAIL_TYPE }))
    )
  } catch (error) {
    logger.error({ err: error, ...subject.logContext }, `super voisin mail "${kind}" not queued`)
  }
}
