import { connect, type Socket } from 'node:net'
import app from '@adonisjs/core/services/app'
import emitter from '@adonisjs/core/services/emitter'
import mail from '@adonisjs/mail/services/main'
import { Mailer } from '@adonisjs/mail'
import { SMTPTransport } from '@adonisjs/mail/transports/smtp'
import env from '#start/env'
import { alertSettings } from '#modules/alerts/services/settings'

let pooled: Mailer<any> | null = null

/**
 * nodemailer's connection hook: a TCP connection of our own, with Nagle
 * off, handed over connected (nodemailer then speaks SMTP on it and
 * starts TLS as configured).
 */
function connectedWithoutNagle(
  options: { host?: string; port?: number; connectionTimeout?: number },
  callback: (error: Error | null, socket?: { connection: Socket }) => void
) {
  const socket = connect({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 25,
    noDelay: true,
  })
  const fail = (error: Error) => {
    socket.destroy()
    callback(error)
  }
  socket.setTimeout(options.connectionTimeout ?? 120_000, () =>
    fail(new Error('SMTP connection timeout'))
  )
  socket.once('error', fail)
  socket.once('connect', () => {
    socket.setTimeout(0)
    socket.removeListener('error', fail)
    callback(null, { connection: socket })
  })
}

/**
 * Alert e-mails leave by the thousand. When the site sends by SMTP, they
 * go to the same server as every other mail (the SMTP_* variables, read
 * as config/mail.ts reads them) through a transport of their own that
 * keeps a few connections open and sends one mail after another on each
 * (no TCP/TLS handshake and login per mail), with Nagle's algorithm off
 * (nodemailer writes the end of a message as a small packet, which would
 * otherwise wait ~40 ms for the acknowledgement of the previous one).
 * Other drivers (files in development): the default mailer.
 */
export function alertMailer(): Pick<Mailer<any>, 'send'> {
  if (mail.config.default !== 'smtp') return mail.use()
  if (!pooled) {
    const secure = env.get('SMTP_SECURE', false)
    const username = env.get('SMTP_USERNAME')
    const transport = new SMTPTransport({
      host: env.get('SMTP_HOST', '127.0.0.1'),
      port: env.get('SMTP_PORT', 25),
      secure,
      ignoreTLS: !secure && !app.inProduction,
      ...(username
        ? {
            auth: {
              type: 'login' as const,
              user: username,
              pass: env.get('SMTP_PASSWORD')?.release() ?? '',
            },
          }
        : {}),
      pool: true,
      maxConnections: alertSettings.concurrency.email,
      getSocket: connectedWithoutNagle,
    } as ConstructorParameters<typeof SMTPTransport>[0])
    pooled = new Mailer('alerts_smtp', transport, emitter, mail.config)
    app.terminating(async () => {
      await pooled?.close()
      pooled = null
    })
  }
  return pooled
}
