import transmit from '@adonisjs/transmit/services/main'
import logger from '@adonisjs/core/services/logger'
import { neighbourhoodNames } from '#modules/neighbourhoods/index'
import type { AlertRecord } from '#modules/alerts/queries/alert_record'
import { livePayload } from '#modules/alerts/services/messages'

export function alertsChannel(neighbourhoodId: number): string {
  return `neighbourhoods/${neighbourhoodId}/alerts`
}

/**
 * Tells the neighbourhood's open pages (a toast on any page). Only its
 * residents may listen to the channel (see channels.ts). A failure is
 * logged: the alert stands, its page and the other channels carry it.
 */
export async function broadcastAlert(alert: AlertRecord): Promise<boolean> {
  try {
    const names = await neighbourhoodNames([alert.neighbourhoodId])
    const name = names.get(alert.neighbourhoodId)?.name ?? ''
    transmit.broadcast(alertsChannel(alert.neighbourhoodId), livePayload(alert, name))
    return true
  } catch (error) {
    logger.error({ err: error, alertId: alert.id }, 'live alert broadcast failed')
    return false
  }
}

/** Open pages take the retracted alert's toast down. */
export function broadcastRetraction(alert: Pick<AlertRecord, 'id' | 'neighbourhoodId'>): void {
  try {
    transmit.broadcast(alertsChannel(alert.neighbourhoodId), {
      kind: 'alert.retracted',
      id: alert.id,
    })
  } catch (error) {
    logger.error({ err: error, alertId: alert.id }, 'live retraction broadcast failed')
  }
}
