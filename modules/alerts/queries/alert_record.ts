import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { AlertKind, Severity, VehicleKind } from '#modules/alerts/services/settings'

/** An alert as the pages and the fan-out read it (the precise place never leaves SQL). */
export interface AlertRecord {
  id: number
  authorId: number | null
  neighbourhoodId: number
  kind: AlertKind
  severity: Severity
  text: string
  behaviour: string | null
  direction: string | null
  vehicleKind: VehicleKind | null
  vehicleDetails: string | null
  status: 'active' | 'retracted'
  retractedAt: Date | null
  retractedById: number | null
  retractReason: string | null
  createdAt: Date
  /** The fuzzed place (~150 m grid), when one was given. */
  shownPlace: { latitude: number; longitude: number } | null
  /** An official alert: the town hall's name (its badge) and its notice. */
  officialName: string | null
  officialPath: string | null
  /** Hidden by moderation: only its author and moderators still see it. */
  hiddenAt: Date | null
}

export const ALERT_COLUMNS = `a.id, a.author_id, a.neighbourhood_id, a.kind, a.severity, a.text,
  a.behaviour, a.direction, a.vehicle_kind, a.vehicle_details, a.status, a.retracted_at,
  a.retracted_by_id, a.retract_reason, a.created_at, a.hidden_at,
  ST_Y(a.place_shown) AS shown_latitude, ST_X(a.place_shown) AS shown_longitude,
  (SELECT oa.organisation_name FROM official_alerts oa WHERE oa.id = a.official_alert_id) AS official_name,
  (SELECT oa.notice_path FROM official_alerts oa WHERE oa.id = a.official_alert_id) AS official_path`

export function toAlertRecord(row: Record<string, any>): AlertRecord {
  return {
    id: Number(row.id),
    authorId: row.author_id === null ? null : Number(row.author_id),
    neighbourhoodId: Number(row.neighbourhood_id),
    kind: row.kind,
    severity: row.severity,
    text: row.text,
    behaviour: row.behaviour,
    direction: row.direction,
    vehicleKind: row.vehicle_kind,
    vehicleDetails: row.vehicle_details,
    status: row.status,
    retractedAt: row.retracted_at,
    retractedById: row.retracted_by_id === null ? null : Number(row.retracted_by_id),
    retractReason: row.retract_reason,
    createdAt: row.created_at,
    shownPlace:
      row.shown_latitude === null || row.shown_latitude === undefined
        ? null
        : { latitude: Number(row.shown_latitude), longitude: Number(row.shown_longitude) },
    officialName: row.official_name ?? null,
    officialPath: row.official_path ?? null,
    hiddenAt: row.hidden_at ?? null,
  }
}

export async function findAlert(
  id: number,
  client: QueryClientContract = db.connection()
): Promise<AlertRecord | null> {
  const { rows } = await client.rawQuery(`SELECT ${ALERT_COLUMNS} FROM alerts a WHERE a.id = ?`, [
    id,
  ])
  return rows[0] ? toAlertRecord(rows[0]) : null
}
