import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { notify } from '#modules/notifications/index'
import { MODERATOR_NOTIFICATION_TYPE } from '#modules/neighbourhoods/services/moderators/settings'

/**
 * Tells a resident they were made a moderator (the link opens the reports
 * to review) or that the role was withdrawn, with the reason. Call after
 * the commit: the change stands even if telling them fails (logged).
 */
export async function tellResident(
  userId: number,
  neighbourhoodId: number,
  change: { kind: 'granted' } | { kind: 'revoked'; reason: string }
): Promise<void> {
  try {
    const neighbourhood = await db
      .from('neighbourhoods')
      .where('id', neighbourhoodId)
      .select('name')
      .first()
    await notify({
      userId,
      type: MODERATOR_NOTIFICATION_TYPE,
      keys: `moderators.mail.${change.kind}`,
      values: {
        neighbourhood: neighbourhood?.name ?? '',
        reason: change.kind === 'revoked' ? change.reason : '',
      },
      path: change.kind === 'granted' ? urlFor('moderation.queue') : urlFor('neighbourhoods.home'),
    })
  } catch (error) {
    logger.error({ err: error, userId, neighbourhoodId }, `moderator "${change.kind}" not told`)
  }
}
