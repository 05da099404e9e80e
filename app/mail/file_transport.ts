import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import nodemailer from 'nodemailer'
import { MailResponse } from '@adonisjs/mail'
import type { MailTransportContract, NodeMailerMessage } from '@adonisjs/mail/types'

/**
 * Development transport: each mail becomes `<time>-<id>.eml` (the raw
 * message, openable in any mail client) plus a `.json` summary that the
 * /dev/mails page lists.
 */
export class FileTransport implements MailTransportContract {
  #composer = nodemailer.createTransport({ streamTransport: true, buffer: true })

  constructor(private directory: string) {}

  async send(message: NodeMailerMessage) {
    const info = await this.#composer.sendMail(message)
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    const id = info.messageId.replace(/[^a-zA-Z0-9]/g, '').slice(0, 24)
    const base = join(this.directory, `${stamp}-${id}`)

    await mkdir(this.directory, { recursive: true })
    await writeFile(`${base}.eml`, info.message as Buffer)
    await writeFile(
      `${base}.json`,
      JSON.stringify({
        messageId: info.messageId,
        date: new Date().toISOString(),
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      })
    )
    return new MailResponse(info.messageId, info.envelope, info)
  }
}
