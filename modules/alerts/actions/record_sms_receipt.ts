import db from '@adonisjs/lucid/services/db'
import { applySmsReceipt } from '#modules/alerts/services/receipts'

export interface SmsReceiptInput {
  messageId: string
  status: string
  errorCode: string | null
}

/**
 * A Twilio status callback (already authenticated by the controller).
 * Each (MessageSid, status) is kept once: a callback Twilio posts again
 * changes nothing. A final status moves the SMS delivery it names from
 * sent to delivered or failed; one arriving before the send was recorded
 * waits in alert_receipts (DeliverAlerts applies it).
 */
export default class RecordSmsReceipt {
  async execute(input: SmsReceiptInput, now: Date = new Date()): Promise<'recorded' | 'duplicate'> {
    return db.transaction(async (trx) => {
      const [receipt] = await trx
        .knexQuery()
        .table('alert_receipts')
        .insert({
          provider: 'twilio',
          message_id: input.messageId,
          status: input.status,
          error_code: input.errorCode,
          received_at: now,
        })
        .onConflict(['provider', 'message_id', 'status'])
        .ignore()
        .returning('id')
      if (!receipt) return 'duplicate'

      const delivery = await trx
        .from('alert_deliveries')
        .where({ channel: 'sms', provider_message_id: input.messageId })
        .forUpdate()
        .first()
      if (!delivery) return 'recorded'
      await trx.from('alert_receipts').where('id', receipt.id).update({ delivery_id: delivery.id })
      await applySmsReceipt(trx, Number(delivery.id), input.status, input.errorCode, now)
      return 'recorded'
    })
  }
}
