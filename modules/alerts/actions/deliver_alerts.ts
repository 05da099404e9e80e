import { inject } from '@adonisjs/core'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { SmsSender } from '#app/sms/index'
import { neighbourhoodNames } from '#modules/neighbourhoods/index'
import { findAlert, type AlertRecord } from '#modules/alerts/queries/alert_record'
import { retryDelayMs } from '#modules/alerts/services/backoff'
import { sendEmail } from '#modules/alerts/services/channels/email_channel'
import {
  errorText,
  type ClaimedDelivery,
  type Outcome,
  type SendContext,
} from '#modules/alerts/services/channels/outcome'
import { sendPush } from '#modules/alerts/services/channels/push_channel'
import { sendSms } from '#modules/alerts/services/channels/sms_channel'
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

    for (const channel of ['push', 'sms', 'email'] as const) {
      const batch = claimed.filter((delivery) => delivery.channel === channel)
      if (batch.length === 0) continue
      const send = await this.senderFor(channel)
      await eachWithConcurrency(batch, alertSettings.concurrency[channel], async (delivery) => {
        const alert = alerts.get(delivery.alertId) ?? null
        let outcome: Outcome
        if (!alert || alert.status !== 'active') {
          outcome = { kind: 'skipped', reason: 'retracted' }
        } else {
          try {
            outcome = await send({
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
        const recorded = await this.record(delivery, outcome, now)
        if (recorded) report[recorded] += 1
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

  /** The channel's sender (providers resolved once per job, from the container). */
  private async senderFor(channel: Channel): Promise<(context: SendContext) => Promise<Outcome>> {
    if (channel === 'push') {
      const sender = await app.container.make(PushSender)
      return (context) => sendPush(sender, context)
    }
    if (channel === 'sms') {
      const sender = await app.container.make(SmsSender)
      return (context) => sendSms(sender, context)
    }
    return sendEmail
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
