import db from '@adonisjs/lucid/services/db'
import { accounts } from '#modules/accounts/index'
import { moderatedNeighbourhoodIds } from '#modules/neighbourhoods/index'
import { findAlert, type AlertRecord } from '#modules/alerts/queries/alert_record'
import {
  AlertNotFoundError,
  AlreadyRetractedError,
  NotModeratorError,
} from '#modules/alerts/services/errors'
import { broadcastRetraction } from '#modules/alerts/services/live'

/**
 * A moderator of the alert's neighbourhood (or an operator) takes an
 * alert down, with a reason shown on its page. Deliveries not sent yet are
 * skipped (reason `retracted`); open pages drop its toast.
 */
export default class RetractAlert {
  async execute(
    alertId: number,
    actorId: number,
    reason: string,
    now: Date = new Date()
  ): Promise<AlertRecord> {
    const [operator, moderated] = await Promise.all([
      accounts.isOperator(actorId),
      moderatedNeighbourhoodIds(actorId),
    ])
    const alert = await db.transaction(async (trx) => {
      const row = await trx.from('alerts').where('id', alertId).forUpdate().first()
      if (!row) throw new AlertNotFoundError()
      if (!operator && !moderated.includes(Number(row.neighbourhood_id))) {
        throw new NotModeratorError()
      }
      if (row.status === 'retracted') throw new AlreadyRetractedError()
      await trx.from('alerts').where('id', alertId).update({
        status: 'retracted',
        retracted_at: now,
        retracted_by_id: actorId,
        retract_reason: reason,
        updated_at: now,
      })
      await trx
        .from('alert_deliveries')
        .where('alert_id', alertId)
        .where('status', 'pending')
        .update({ status: 'skipped', reason: 'retracted', updated_at: now })
      return (await findAlert(alertId, trx))!
    })
    broadcastRetraction(alert)
    return alert
  }
}
