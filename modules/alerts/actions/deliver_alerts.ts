import { inject } from '@adonisjs/core'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { SmsSender } from '#app/sms/index'
import { neighbourhoodNames } from '#modules/neighbourhoods/index'
import { findAlert, type AlertRecord } from '#modules/alerts/queries/alert_record'
import { retryDelayMs } from '#modules/alerts/services/backoff'
import { emailChannel } from '#modules/alerts/services/channels/email_channel'
import {
  errorText,
  type ChannelSender,
  type ClaimedDelivery,
  type Outcome,
} from '#modules/alerts/services/channels/outcome'
import { pushChannel } from '#modules/alerts/services/channels/push_channel'
import { smsChannel } from '#modules/alerts/services/channels/sms_channel'
import { PushSender } from '#modules/alerts/services/push/push_sender'
import { AlertQueue } from '#modules/alerts/services/queue'
import { applySmsReceipt } from '#modules/alerts/services/receipts'
import { alertSettings, type Channel } from '#modules/alerts/services/settings'

export interface DeliveryReport {
  claimed: number
  sent: number
  failed: number
  skipped: number
  retrying: number
  dead: number
}

/**
 * Sends deliveries. Each one is first claimed with a conditional UPDATE
 * (pending and due -> sending): a delivery another worker holds, already
 * sent, or not yet due is left alone, so running a job twice (or two
 * workers on one delivery) never sends anything twice. The outcome is
 * written back only while this claim still holds. A failed try waits with
 * exponential backoff and jitter (or the provider's Retry-After) and is
 * queued again; after the last try it becomes a dead letter that
 * operators can replay.
 */
@inject()
export default class DeliverAlerts {
  constructor(private queue: AlertQueue) {}

  async execute(deliveryIds: number[], options: { now?: Date } = {}): Promise<DeliveryReport> {
    const now = options.now ?? new Date()
    const report: DeliveryReport = {
      claimed: 0,
      sent: 0,
      failed: 0,
      skipped: 0,
      retrying: 0,
      dead: 0,
    }
    const claimed = await this.claim(deliveryIds, now)
    report.claimed = claimed.length
    if (claimed.length === 0) return report

    const alerts = new Map<number, AlertRecord | null>()
    for (const id of new Set(claimed.map((delivery) => delivery.alertId))) {
      alerts.set(id, await findAlert(id))
    }
    const names = await neighbourhoodNames(
      [...alerts.values()].filter((a): a is AlertRecord => a !== null).map((a) => a.neighbourhoodId)
    )
    const sent = new SentRecorder(now, (count) => (report.sent += count))

    for (const channel of ['push', 'sms', 'email'] as const) {
      const batch = claimed.filter((delivery) => delivery.channel === channel)
      if (batch.length === 0) continue
      const sender = await this.channel(channel, batch).catch((error) => {
        /** The database, most likely: these deliveries are tried again later, like a failed send. */
        logger.error({ err: error, channel }, 'alert deliveries could not be prepared')
        return null
      })
      await eachWithConcurrency(batch, alertSettings.concurrency[channel], async (delivery) => {
        const alert = alerts.get(delivery.alertId) ?? null
        let outcome: Outcome
        if (!alert || alert.status !== 'active') {
          outcome = { kind: 'skipped', reason: 'retracted' }
        } else if (!sender) {
          outcome = { kind: 'retry', error: 'the deliveries could not be prepared' }
        } else {
          try {
            outcome = await sender.send({
              delivery,
              alert,
              neighbourhood: names.get(alert.neighbourhoodId)?.name ?? '',
            })
          } catch (error) {
            /** A bug or the database, not the provider: try again later rather than lose it. */
            logger.error({ err: error, deliveryId: delivery.id }, 'alert delivery broke')
            outcome = { kind: 'retry', error: errorText(error) }
          }
        }
        if (outcome.kind === 'sent' && !outcome.providerMessageId) {
          await sent.add(delivery)
          return
        }
        const recorded = await this.record(delivery, outcome, now)
        if (recorded) report[recorded] += 1
      })
      await sent.flush()
      await sender?.finish?.().catch((error) => {
        logger.warn({ err: error, channel }, 'alert delivery bookkeeping failed')
      })
    }
    return report
  }

  /** pending and due -> sending, one statement for the whole batch. */
  private async claim(ids: number[], now: Date): Promise<ClaimedDelivery[]> {
    if (ids.length === 0) return []
    const rows = await db
      .from('alert_deliveries')
      .whereIn('id', ids)
      .where('status', 'pending')
      .where('next_attempt_at', '<=', now)
      .update({
        status: 'sending',
        attempts: db.raw('attempts + 1'),
        claimed_at: now,
        updated_at: now,
      })
      .returning(['id', 'alert_id', 'user_id', 'channel', 'target', 'attempts', 'claimed_at'])
    return (rows as Record<string, any>[]).map((row) => ({
      id: Number(row.id),
      alertId: Number(row.alert_id),
      userId: Number(row.user_id),
      channel: row.channel as Channel,
      target: Number(row.target),
      attempts: Number(row.attempts),
      claimedAt: row.claimed_at,
    }))
  }

  /**
   * The channel's sender for these deliveries: providers resolved once
   * per job from the container, recipients read in one go.
   */
  private async channel(channel: Channel, batch: ClaimedDelivery[]): Promise<ChannelSender> {
    if (channel === 'push') return pushChannel(await app.container.make(PushSender), batch)
    if (channel === 'sms') return smsChannel(await app.container.make(SmsSender), batch)
    return emailChannel(batch)
  }

  /**
   * Writes the outcome while the claim holds (the sweep may have
   * dead-lettered a claim that outlived its lease). Retries are queued
   * with their delay.
   */
  private async record(
    delivery: ClaimedDelivery,
    outcome: Outcome,
    now: Date
  ): Promise<keyof DeliveryReport | null> {
    const ours = () =>
      db
        .from('alert_deliveries')
        .where('id', delivery.id)
        .where('status', 'sending')
        .where('claimed_at', delivery.claimedAt)
    const stamp = new Date()

    if (outcome.kind === 'sent') {
      const moved = await ours().update({
        status: 'sent',
        reason: null,
        provider_message_id: outcome.providerMessageId ?? null,
        last_error: null,
        sent_at: stamp,
        updated_at: stamp,
      })
      if (Number(moved) === 0) return null
      if (outcome.providerMessageId) {
        await this.applyEarlyReceipt(delivery.id, outcome.providerMessageId)
      }
      return 'sent'
    }
    if (outcome.kind === 'skipped') {
      const moved = await ours().update({
        status: 'skipped',
        reason: outcome.reason,
        updated_at: stamp,
      })
      return Number(moved) > 0 ? 'skipped' : null
    }
    if (outcome.kind === 'failed') {
      const moved = await ours().update({
        status: 'failed',
        reason: outcome.reason,
        last_error: outcome.error,
        failed_at: stamp,
        updated_at: stamp,
      })
      return Number(moved) > 0 ? 'failed' : null
    }

    if (delivery.attempts >= alertSettings.retry.maxAttempts) {
      const moved = await ours().update({
        status: 'dead',
        reason: 'retries_exhausted',
        last_error: outcome.error,
        failed_at: stamp,
        updated_at: stamp,
      })
      if (Number(moved) > 0) {
        logger.warn(
          { deliveryId: delivery.id, error: outcome.error },
          'alert delivery dead-lettered'
        )
        return 'dead'
      }
      return null
    }
    const delayMs = retryDelayMs(delivery.attempts, outcome.retryAfterMs)
    const moved = await ours().update({
      status: 'pending',
      last_error: outcome.error,
      next_attempt_at: new Date(now.getTime() + delayMs),
      claimed_at: null,
      updated_at: stamp,
    })
    if (Number(moved) === 0) return null
    await this.queue.deliver([delivery.id], { delayMs })
    return 'retrying'
  }

  /** A receipt that arrived before the send was recorded (Twilio is fast) is applied now. */
  private async applyEarlyReceipt(deliveryId: number, messageId: string): Promise<void> {
    const receipts = await db
      .from('alert_receipts')
      .where({ provider: 'twilio', message_id: messageId })
      .whereIn('status', ['delivered', 'undelivered', 'failed'])
      .orderBy('id')
    for (const receipt of receipts) {
      await db.from('alert_receipts').where('id', receipt.id).update({ delivery_id: deliveryId })
      await applySmsReceipt(
        db.connection(),
        deliveryId,
        receipt.status,
        receipt.error_code,
        new Date()
      )
    }
  }
}

/**
 * Deliveries a provider accepted, written back a few at a time: one
 * UPDATE for up to SENT_BATCH of them instead of one each, still only
 * while this job's claim holds (every delivery of a job was claimed at the
 * same instant). Sends go on meanwhile; if the process dies before a
 * write, those deliveries stay `sending` and the sweep dead-letters them
 * as `interrupted` for an operator: they are never sent again on their own.
 */
const SENT_BATCH = 25

class SentRecorder {
  #claimedAt: Date
  #counted: (count: number) => void
  #waiting: { id: number; at: Date }[] = []

  constructor(claimedAt: Date, counted: (count: number) => void) {
    this.#claimedAt = claimedAt
    this.#counted = counted
  }

  async add(delivery: ClaimedDelivery): Promise<void> {
    this.#waiting.push({ id: delivery.id, at: new Date() })
    if (this.#waiting.length >= SENT_BATCH) await this.flush()
  }

  async flush(): Promise<void> {
    const batch = this.#waiting.splice(0)
    if (batch.length === 0) return
    const { rows } = await db.rawQuery(
      `UPDATE alert_deliveries AS d
          SET status = 'sent', reason = NULL, provider_message_id = NULL, last_error = NULL,
              sent_at = v.at, updated_at = v.at
         FROM unnest(?::bigint[], ?::timestamptz[]) AS v(id, at)
        WHERE d.id = v.id AND d.status = 'sending' AND d.claimed_at = ?
      RETURNING d.id`,
      [
        `{${batch.map((entry) => entry.id).join(',')}}`,
        `{${batch.map((entry) => `"${entry.at.toISOString()}"`).join(',')}}`,
        this.#claimedAt,
      ]
    )
    this.#counted(rows.length)
  }
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function eachWithConcurrency<T>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<void>
): Promise<void> {
  let next = 0
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]
      await task(item)
    }
  })
  await Promise.all(workers)
}
