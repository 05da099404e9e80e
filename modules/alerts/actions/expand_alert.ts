import { inject } from '@adonisjs/core'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { SmsSender } from '#app/sms/index'
import { residentsPage, type NeighbourSummary } from '#modules/neighbourhoods/index'
import { findAlert, type AlertRecord } from '#modules/alerts/queries/alert_record'
import { recipientChoices } from '#modules/alerts/queries/recipient_choices'
import { announceOnce } from '#modules/alerts/services/announce'
import { parisMinuteOfDay, startOfParisDay } from '#modules/alerts/services/paris_time'
import { channelDecision } from '#modules/alerts/services/preferences'
import { AlertQueue } from '#modules/alerts/services/queue'
import { alertSettings, type Channel, type DeliveryReason } from '#modules/alerts/services/settings'

/** Serialises SMS budget decisions between concurrent expansions (pg advisory lock key). */
const SMS_BUDGET_LOCK = 6_000_001

interface DeliveryRow {
  alert_id: number
  user_id: number
  channel: Channel
  target: number
  status: 'pending' | 'skipped'
  reason: DeliveryReason | null
  next_attempt_at: Date
  created_at: Date
  updated_at: Date
}

export interface StepResult {
  done: boolean
  /** Deliveries this step created (0 for rows an earlier run already made). */
  created: number
}

/**
 * The fan-out's expansion: an alert's outbox row becomes one delivery per
 * (alert, recipient, channel, push device), recipients read by
 * neighbourhood id in user id order, one page per transaction (keyset,
 * from the cursor: a neighbourhood of any size costs the same per page).
 * Each batch moves the outbox cursor in the same transaction as its rows,
 * and the rows carry a unique key (INSERT ... ON CONFLICT DO NOTHING): a
 * worker stopped anywhere resumes at the cursor, and even a batch done
 * twice creates nothing twice. What a resident's choices exclude gets no
 * row; what quiet hours or SMS caps hold back gets a skipped row with its
 * reason. Each batch's deliveries are queued as soon as it commits, so the
 * first pushes leave while later batches are still being expanded.
 */
@inject()
export default class ExpandAlert {
  constructor(private queue: AlertQueue) {}

  /** The whole expansion (what the job runs), then makes sure nothing pending is left unqueued. */
  async run(outboxId: number, options: { now?: Date; batchSize?: number } = {}): Promise<number> {
    const { rows } = await db.rawQuery(
      `UPDATE alert_outbox SET runs = runs + 1 WHERE id = ?
       RETURNING alert_id, cursor_user_id, expanded_at`,
      [outboxId]
    )
    const outbox = rows[0]
    if (!outbox) return 0
    /** A previous run made progress and stopped: what it created may never have been queued. */
    const resumed = Number(outbox.cursor_user_id) > 0 || outbox.expanded_at !== null
    let created = 0
    while (true) {
      const step = await this.step(outboxId, options)
      created += step.created
      if (step.done) break
    }
    if (resumed) await this.queueDue(Number(outbox.alert_id), options.now ?? new Date())
    return created
  }

  /**
   * One batch of recipients in one transaction, then its deliveries are
   * queued. Tests call it to stop a fan-out half-way.
   */
  async step(
    outboxId: number,
    options: { now?: Date; batchSize?: number } = {}
  ): Promise<StepResult> {
    const now = options.now ?? new Date()
    const batchSize = options.batchSize ?? alertSettings.expansionBatchSize
    await announceOnce(outboxId, now)
    const smsSender = await this.smsSender()

    const inserted = await db.transaction(async (trx) => {
      /** Locked: two runs of one alert take turns, each from the cursor the other left. */
      const locked = await trx.from('alert_outbox').where('id', outboxId).forUpdate().first()
      if (!locked || locked.expanded_at) return null
      const alert = await findAlert(Number(locked.alert_id), trx)
      const batch =
        alert && alert.status === 'active'
          ? await residentsPage(alert.neighbourhoodId, {
              afterUserId: Number(locked.cursor_user_id),
              limit: batchSize,
              exceptUserId: alert.authorId ?? undefined,
              trx,
            })
          : []
      if (batch.length === 0) {
        await trx.from('alert_outbox').where('id', outboxId).update({ expanded_at: now })
        return null
      }
      const rows = await this.rowsFor(trx, alert!, batch, now, smsSender.enabled)
      const created =
        rows.length === 0
          ? []
          : await trx
              .knexQuery()
              .table('alert_deliveries')
              .insert(rows)
              .onConflict(['alert_id', 'user_id', 'channel', 'target'])
              .ignore()
              .returning(['id', 'channel', 'status'])
      await trx
        .from('alert_outbox')
        .where('id', outboxId)
        .update({ cursor_user_id: batch[batch.length - 1].userId })
      return created as { id: number | string; channel: Channel; status: string }[]
    })

    if (inserted === null) return { done: true, created: 0 }
    await this.queueRows(inserted.filter((row) => row.status === 'pending'))
    return { done: false, created: inserted.length }
  }

  private async smsSender(): Promise<SmsSender> {
    return app.container.make(SmsSender)
  }

  /** The delivery rows of one batch: what each resident's choices ask for. */
  private async rowsFor(
    trx: TransactionClientContract,
    alert: AlertRecord,
    batch: NeighbourSummary[],
    now: Date,
    smsEnabled: boolean
  ): Promise<DeliveryRow[]> {
    const choices = await recipientChoices(
      trx,
      batch.map((recipient) => recipient.userId)
    )
    /** Quiet hours are judged at the moment the alert was raised: a resumed run decides alike. */
    const minute = parisMinuteOfDay(alert.createdAt)

    const rows: DeliveryRow[] = []
    const smsCandidates: DeliveryRow[] = []
    const row = (
      userId: number,
      channel: Channel,
      target: number,
      reason: DeliveryReason | null
    ): DeliveryRow => ({
      alert_id: alert.id,
      user_id: userId,
      channel,
      target,
      status: reason ? 'skipped' : 'pending',
      reason,
      next_attempt_at: now,
      created_at: now,
      updated_at: now,
    })

    for (const recipient of batch) {
      const { preferences, devices, phoneVerified } = choices.get(recipient.userId)!
      const push = channelDecision(preferences, 'push', alert.severity, minute)
      if (push !== 'unwanted') {
        for (const device of devices) {
          rows.push(row(recipient.userId, 'push', device, push === 'send' ? null : push))
        }
      }
      const email = channelDecision(preferences, 'email', alert.severity, minute)
      if (email !== 'unwanted') {
        rows.push(row(recipient.userId, 'email', 0, email === 'send' ? null : email))
      }
      const sms = channelDecision(preferences, 'sms', alert.severity, minute)
      if (sms === 'unwanted') continue
      const refusal: DeliveryReason | null = !recipient.verifiedAt
        ? 'not_verified'
        : !phoneVerified
          ? 'phone_unverified'
          : !smsEnabled
            ? 'sms_disabled'
            : sms === 'send'
              ? null
              : sms
      const smsRow = row(recipient.userId, 'sms', 0, refusal)
      rows.push(smsRow)
      if (!refusal) smsCandidates.push(smsRow)
    }
    if (smsCandidates.length > 0) await this.applySmsCaps(trx, alert, smsCandidates, now)
    return rows
  }

  /**
   * SMS cost money: a resident's, a neighbourhood's and the site's daily
   * SMS so far (Paris day, every SMS delivery not skipped) are counted
   * under an advisory lock, and each candidate over a cap becomes a
   * skipped row naming the cap.
   */
  private async applySmsCaps(
    trx: TransactionClientContract,
    alert: AlertRecord,
    candidates: DeliveryRow[],
    now: Date
  ): Promise<void> {
    const { dailyBudget, neighbourhoodDailyCap, residentDailyCap } = alertSettings.sms
    await trx.rawQuery('SELECT pg_advisory_xact_lock(?)', [SMS_BUDGET_LOCK])
    const since = startOfParisDay(now)
    const counted = () =>
      trx
        .from('alert_deliveries as d')
        .where('d.channel', 'sms')
        .whereNot('d.status', 'skipped')
        .where('d.created_at', '>=', since)
    const [site] = await counted().count('* as total')
    const [neighbourhood] = await counted()
      .join('alerts as a', 'a.id', 'd.alert_id')
      .where('a.neighbourhood_id', alert.neighbourhoodId)
      .count('* as total')
    const perResident = await counted()
      .whereIn(
        'd.user_id',
        candidates.map((candidate) => candidate.user_id)
      )
      .groupBy('d.user_id')
      .select('d.user_id')
      .count('* as total')
    let siteTotal = Number(site.total)
    let neighbourhoodTotal = Number(neighbourhood.total)
    const residentTotals = new Map(perResident.map((r) => [Number(r.user_id), Number(r.total)]))

    for (const candidate of candidates) {
      const resident = residentTotals.get(candidate.user_id) ?? 0
      const reason: DeliveryReason | null =
        siteTotal >= dailyBudget
          ? 'sms_budget'
          : neighbourhoodTotal >= neighbourhoodDailyCap
            ? 'sms_neighbourhood_cap'
            : resident >= residentDailyCap
              ? 'sms_resident_cap'
              : null
      if (reason) {
        candidate.status = 'skipped'
        candidate.reason = reason
        continue
      }
      siteTotal += 1
      neighbourhoodTotal += 1
      residentTotals.set(candidate.user_id, resident + 1)
    }
  }

  /**
   * Queues pending deliveries by channel, a few per job, each channel's
   * jobs in one go (push and SMS first: the fastest).
   */
  private async queueRows(rows: { id: number | string; channel: Channel }[]): Promise<void> {
    const size = alertSettings.deliveriesPerJob
    for (const channel of ['push', 'sms', 'email'] as const) {
      const ids = rows.filter((row) => row.channel === channel).map((row) => Number(row.id))
      const jobs: number[][] = []
      for (let index = 0; index < ids.length; index += size) {
        jobs.push(ids.slice(index, index + size))
      }
      if (jobs.length > 0) await this.queue.deliverAll(jobs, { channel })
    }
  }

  /** After a resumed run: every pending delivery of the alert that is due, queued again. */
  private async queueDue(alertId: number, now: Date): Promise<void> {
    const rows = await db
      .from('alert_deliveries')
      .where('alert_id', alertId)
      .where('status', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('id')
      .select('id', 'channel')
    await this.queueRows(rows)
  }
}
