import { Job } from '@adonisjs/queue'
import logger from '@adonisjs/core/services/logger'
import mail from '@adonisjs/mail/services/main'
import type { JobOptions } from '@adonisjs/queue/types'
import type { NodeMailerMessage, MessageBodyTemplates } from '@adonisjs/mail/types'
import { heldAddresses } from '#app/mail/mail_holds'
import { recipientsOf, withRecipients } from '#app/mail/mail_recipients'

interface SendQueuedMailPayload {
  mailer: string
  mail: { message: NodeMailerMessage; views: MessageBodyTemplates }
  sendConfig?: unknown
  /** Epoch ms; jobs queued before this field existed count as old. */
  queuedAt?: number
}

/**
 * Delivers a mail queued with `mail.sendLater()`. Retried with backoff when
 * the SMTP server refuses or is down (config/queue.ts). Whoever opted out
 * of all mail, or erased their account, since it was queued is left out:
 * the mail may have waited in a queue nobody else can reach (Redis).
 */
export default class SendQueuedMail extends Job<SendQueuedMailPayload> {
  static options: JobOptions = {
    queue: 'mail',
    maxRetries: 8,
  }

  async execute() {
    const { mailer, mail: compiled, sendConfig, queuedAt } = this.payload
    const held = await heldAddresses(recipientsOf(compiled.message), new Date(queuedAt ?? 0))
    const message = held.size
      ? withRecipients(compiled.message, (address) => !held.has(address))
      : compiled.message
    if (!message) {
      logger.info({ subject: compiled.message.subject }, 'queued mail not sent: recipient held')
      return
    }
    await mail.use(mailer as never).sendCompiled({ ...compiled, message }, sendConfig)
  }
}
