/*
| A real SMTP server on loopback for the tests: the app sends through its
| SMTP transport, this collects and parses what arrives.
*/
import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'
import type { AddressInfo } from 'node:net'

export interface ReceivedMail {
  to: string[]
  from: string
  subject: string
  text: string
  html: string
  raw: ParsedMail
}

class Mailbox {
  messages: ReceivedMail[] = []
  #server?: SMTPServer
  #waiters: Array<() => void> = []

  listen(): Promise<{ port: number }> {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.messages.push({
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              raw: parsed,
            })
            this.#waiters.splice(0).forEach((wake) => wake())
            callback()
          })
          .catch(callback)
      },
    })
    return new Promise((resolve) => {
      this.#server!.listen(0, '127.0.0.1', () => {
        const address = this.#server!.server.address() as AddressInfo
        resolve({ port: address.port })
      })
    })
  }

  clear() {
    this.messages = []
  }

  to(address: string): ReceivedMail[] {
    return this.messages.filter((mail) => mail.to.includes(address.toLowerCase()))
  }

  /**
   * Resolves with the first mail to `address` (optionally matching), or
   * rejects after the timeout with what did arrive.
   */
  async waitFor(
    address: string,
    match: (mail: ReceivedMail) => boolean = () => true,
    timeoutMs = 5000
  ) {
    const deadline = Date.now() + timeoutMs
    while (true) {
      const found = this.to(address).find(match)
      if (found) return found
      const left = deadline - Date.now()
      if (left <= 0) {
        const seen =
          this.messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join('; ') || 'none'
        throw new Error(`no mail to ${address} within ${timeoutMs} ms (received: ${seen})`)
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.#waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) =>
      this.#server ? this.#server.close(() => resolve()) : resolve()
    )
  }
}

export const mailbox = new Mailbox()
