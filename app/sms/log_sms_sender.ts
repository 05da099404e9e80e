import { randomUUID } from 'node:crypto'
import { appendFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { SmsSender, type SmsMessage, type SmsReceipt } from '#app/sms/sms_sender'

/**
 * Development: nothing leaves the machine, each message is appended to a
 * file as one JSON line (`tail -f storage/sms.log`).
 */
export class LogSmsSender extends SmsSender {
  constructor(private path: string) {
    super()
  }

  async send(message: SmsMessage): Promise<SmsReceipt> {
    const id = `log-${randomUUID()}`
    await mkdir(dirname(this.path), { recursive: true })
    const line = { id, at: new Date().toISOString(), to: message.to, body: message.body }
    await appendFile(this.path, JSON.stringify(line) + '\n', 'utf8')
    return { id }
  }
}
