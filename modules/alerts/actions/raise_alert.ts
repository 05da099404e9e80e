import db from '@adonisjs/lucid/services/db'
import { guardPost, recordPost } from '#modules/moderation/index'
import { residentHome } from '#modules/neighbourhoods/index'
import { authorizeTrust } from '#modules/verification/index'
import { findAlert, type AlertRecord } from '#modules/alerts/queries/alert_record'
import { AlertLimitError, NotPlacedError, PlaceTooFarError } from '#modules/alerts/services/errors'
import { FUZZED_PLACE, PLACE, distanceM } from '#modules/alerts/services/geo_sql'
import {
  alertSettings,
  type AlertKind,
  type Severity,
  type VehicleKind,
} from '#modules/alerts/services/settings'

export interface RaiseAlertInput {
  kind: AlertKind
  severity: Severity
  text: string
  latitude?: number | null
  longitude?: number | null
  /** Suspicious behaviour only (the validator requires them for that kind). */
  behaviour?: string | null
  direction?: string | null
  vehicleKind?: VehicleKind | null
  vehicleDetails?: string | null
}

const DAY_MS = 24 * 3600_000

/**
 * A verified resident warns their neighbourhood. The alert and its outbox
 * row are written in one transaction, so the fan-out can never miss an
 * alert that exists (nor send one that does not); the caller announces
 * and queues it after the commit (PublishAlert). At most 3 alerts per
 * resident per rolling 24 hours, counted in the database under a lock on
 * the resident's row (two tabs cannot both raise a fourth).
 */
export default class RaiseAlert {
  async execute(
    userId: number,
    input: RaiseAlertInput,
    options: { now?: Date } = {}
  ): Promise<{ alert: AlertRecord; outboxId: number }> {
    await authorizeTrust(userId, 'raise_alert')
    const now = options.now ?? new Date()
    const place =
      input.latitude !== null &&
      input.latitude !== undefined &&
      input.longitude !== null &&
      input.longitude !== undefined
        ? { latitude: input.latitude, longitude: input.longitude }
        : null
    const suspicious = input.kind === 'suspicious_behaviour'

    return db.transaction(async (trx) => {
      const home = await residentHome(userId, { trx, forUpdate: true })
      if (!home || home.neighbourhoodId === null) throw new NotPlacedError()
      if (place && distanceM(home, place) > alertSettings.placeMaxDistanceM) {
        throw new PlaceTooFarError()
      }

      const since = new Date(now.getTime() - DAY_MS)
      const recent = await trx
        .from('alerts')
        .where('author_id', userId)
        /** Official alerts a town hall member raised count against the town hall, not them. */
        .whereNull('official_alert_id')
        .where('created_at', '>', since)
        .orderBy('created_at', 'asc')
        .select('created_at')
      if (recent.length >= alertSettings.perResidentPerDay) {
        const oldest = new Date(recent[recent.length - alertSettings.perResidentPerDay].created_at)
        throw new AlertLimitError(new Date(oldest.getTime() + DAY_MS))
      }
      const texts = [input.text, input.direction ?? '', input.vehicleDetails ?? '']
      await guardPost(userId, { kind: 'alert', texts }, trx)

      const placeSql = place
        ? {
            place: trx.raw(PLACE, [place.longitude, place.latitude]),
            place_shown: trx.raw(FUZZED_PLACE, [
              place.longitude,
              place.latitude,
              alertSettings.fuzzGridM,
              place.latitude,
            ]),
          }
        : {}
      const [inserted] = await trx
        .table('alerts')
        .insert({
          author_id: userId,
          neighbourhood_id: home.neighbourhoodId,
          kind: input.kind,
          severity: input.severity,
          text: input.text,
          behaviour: suspicious ? input.behaviour : null,
          direction: suspicious ? input.direction : null,
          vehicle_kind: suspicious ? input.vehicleKind : null,
          vehicle_details: suspicious ? input.vehicleDetails || null : null,
          ...placeSql,
          status: 'active',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
      const alertId = Number(typeof inserted === 'object' ? inserted.id : inserted)

      const [outbox] = await trx
        .table('alert_outbox')
        .insert({ alert_id: alertId, created_at: now })
        .returning('id')
      const outboxId = Number(typeof outbox === 'object' ? outbox.id : outbox)

      await recordPost(userId, 'alert', trx)
      const alert = await findAlert(alertId, trx)
      return { alert: alert!, outboxId }
    })
  }
}
