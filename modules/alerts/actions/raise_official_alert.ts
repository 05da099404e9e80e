import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import PublishAlert from '#modules/alerts/actions/publish_alert'
import type { AlertKind, Severity } from '#modules/alerts/services/settings'

/** An official alert raised by a town hall (the kinds a notice may carry). */
export const OFFICIAL_ALERT_KINDS = [
  'theft_burglary',
  'accident',
  'fire_hazard',
  'missing_person',
  'animal_lost_found',
  'other_urgent',
] as const satisfies readonly AlertKind[]
export type OfficialAlertKind = (typeof OFFICIAL_ALERT_KINDS)[number]

/** Official alerts per town hall per rolling 24 hours. */
export const OFFICIAL_ALERTS_PER_DAY = 3
const DAY_MS = 24 * 3600_000
const TEXT_MAX = 280

export interface OfficialAlertInput {
  organisationId: number
  organisationName: string
  /** The member who raises it: the alerts' author (they may retract them). */
  userId: number
  neighbourhoodIds: number[]
  kind: OfficialAlertKind
  severity: Severity
  text: string
  noticePath?: string | null
}

export class OfficialAlertLimitError extends Error {
  constructor(public nextAt: Date) {
    super('daily official alert limit reached')
  }
}

export interface RaisedOfficialAlert {
  officialAlertId: number
  alertIds: number[]
  /** Announces and queues the fan-out: call it after the commit. */
  publish: () => Promise<void>
}

/** An alert's text is short: the notice's text cut at a word, with an ellipsis. */
function alertText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= TEXT_MAX) return flat
  const cut = flat.slice(0, TEXT_MAX - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > TEXT_MAX - 60 ? cut.slice(0, space) : cut}…`
}

/**
 * A verified town hall (checked by the caller) raises an official alert
 * to chosen neighbourhoods: one alert per neighbourhood, each with its
 * outbox row, in the caller's transaction (so a notice and its alerts are
 * written together) or its own. Residents' 3-a-day limit does not apply;
 * a town hall may raise 3 official alerts per rolling 24 hours, counted
 * in the database under a lock per organisation. The fan-out is the
 * residents' one (PublishAlert), started by `publish()` after the commit
 * (done here when no transaction is given).
 */
export default class RaiseOfficialAlert {
  async execute(
    input: OfficialAlertInput,
    options: { trx?: TransactionClientContract; now?: Date } = {}
  ): Promise<RaisedOfficialAlert> {
    if (options.trx) return this.write(options.trx, input, options.now ?? new Date())
    const raised = await db.transaction((trx) => this.write(trx, input, options.now ?? new Date()))
    await raised.publish()
    return raised
  }

  private async write(
    trx: TransactionClientContract,
    input: OfficialAlertInput,
    now: Date
  ): Promise<RaisedOfficialAlert> {
    await trx.rawQuery('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [
      `official_alert:${input.organisationId}`,
    ])
    const recent = await trx
      .from('official_alerts')
      .where('organisation_id', input.organisationId)
      .where('created_at', '>', new Date(now.getTime() - DAY_MS))
      .orderBy('created_at', 'asc')
      .select('created_at')
    if (recent.length >= OFFICIAL_ALERTS_PER_DAY) {
      const oldest = new Date(recent[recent.length - OFFICIAL_ALERTS_PER_DAY].created_at)
      throw new OfficialAlertLimitError(new Date(oldest.getTime() + DAY_MS))
    }
    const [official] = await trx
      .table('official_alerts')
      .insert({
        organisation_id: input.organisationId,
        organisation_name: input.organisationName,
        notice_path: input.noticePath ?? null,
        raised_by_id: input.userId,
        created_at: now,
      })
      .returning('id')
    const officialAlertId = Number(typeof official === 'object' ? official.id : official)

    const alertIds: number[] = []
    const outboxIds: number[] = []
    for (const neighbourhoodId of [...new Set(input.neighbourhoodIds)]) {
      const [inserted] = await trx
        .table('alerts')
        .insert({
          author_id: input.userId,
          official_alert_id: officialAlertId,
          neighbourhood_id: neighbourhoodId,
          kind: input.kind,
          severity: input.severity,
          text: alertText(input.text),
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
      alertIds.push(alertId)
      outboxIds.push(Number(typeof outbox === 'object' ? outbox.id : outbox))
    }

    return {
      officialAlertId,
      alertIds,
      publish: async () => {
        const publisher = await app.container.make(PublishAlert)
        for (const outboxId of outboxIds) await publisher.execute(outboxId)
      },
    }
  }
}
