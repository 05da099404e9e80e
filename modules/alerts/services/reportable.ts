import type { Reportable, ReportedContent } from '#modules/moderation/index'
import { findAlert, type AlertRecord } from '#modules/alerts/queries/alert_record'
import { alertAccess } from '#modules/alerts/services/access'

function reported(alert: AlertRecord): ReportedContent {
  return {
    authorId: alert.authorId,
    neighbourhoodId: alert.neighbourhoodId,
    excerpt: [alert.text, alert.behaviour, alert.direction, alert.vehicleDetails]
      .filter(Boolean)
      .join('\n')
      .slice(0, 600),
    path: `/alerts/${alert.id}`,
    hidden: alert.hiddenAt !== null,
  }
}

/** Alerts as moderation sees them; removing one deletes it with its delivery records. */
export const alertReportable: Reportable = {
  kind: 'alert',

  async locate(id, viewerId) {
    const alert = await findAlert(id)
    if (!alert) return null
    const access = await alertAccess(viewerId, alert)
    if (!access.canSee) return null
    return reported(alert)
  },

  async find(id, trx) {
    const alert = await findAlert(id, trx)
    return alert ? reported(alert) : null
  },

  async setHidden(id, hidden, trx) {
    await trx
      .from('alerts')
      .where('id', id)
      .update({ hidden_at: hidden ? new Date() : null, updated_at: new Date() })
  },

  async remove(id, trx) {
    await trx.from('alerts').where('id', id).delete()
  },
}
