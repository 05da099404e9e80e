import { Job } from '@adonisjs/queue'
import mail from '@adonisjs/mail/services/main'
import type { JobOptions } from '@adonisjs/queue/types'
import type { NodeMailerMessage, MessageBodyTemplates } from '@adonisjs/mail/types'

interface SendQueuedMailPayload {
  mailer: string
  mail: { message: NodeMailerMessage; views: MessageBodyTemplates }
  sendConfig?: unknown
}

/**
 * Delivers a mail queued with `mail.sendLater()`. Retried with backoff when
 * the SMTP server refuses or is down (config/queue.ts).
 */
export default class SendQueuedMail extends Job<SendQueuedMailPayload> {
  static options: JobOptions = {
    queue: 'mail',
    maxRetries: 8,
  }

  async execute() {
    const { mailer, mail: compiled, sendConfig } = this.payload
    await mail.use(mailer as never).sendCompiled(compiled, sendConfig)
  }
}
