import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, transports } from '@adonisjs/mail'
import { FileTransport } from '#app/mail/file_transport'

/**
 * Production sends through SMTP. In development mails are written under
 * storage/mails and listed at /dev/mails. Tests use SMTP against a real
 * local SMTP server started by the test runner.
 */
const mailDriver = env.get('MAIL_DRIVER') ?? (app.inProduction || app.inTest ? 'smtp' : 'file')

const mailConfig = defineConfig({
  default: mailDriver,
  from: {
    address: env.get('MAIL_FROM_ADDRESS', 'bonjour@quartier.localhost'),
    name: env.get('MAIL_FROM_NAME', 'Quartier'),
  },
  mailers: {
    smtp: transports.smtp({
      host: env.get('SMTP_HOST', '127.0.0.1'),
      port: env.get('SMTP_PORT', 25),
      secure: env.get('SMTP_SECURE', false),
      ignoreTLS: !env.get('SMTP_SECURE', false) && !app.inProduction,
      ...(env.get('SMTP_USERNAME')
        ? {
            auth: {
              type: 'login' as const,
              user: env.get('SMTP_USERNAME')!,
              pass: env.get('SMTP_PASSWORD')?.release() ?? '',
            },
          }
        : {}),
    }),
    file: () => new FileTransport(app.makePath(env.get('MAIL_DIR', 'storage/mails'))),
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
