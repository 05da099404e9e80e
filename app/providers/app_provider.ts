import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Cross-cutting wiring that no single module owns.
 */
export default class AppProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    /**
     * `mail.sendLater()` goes through the job queue, so a slow or failing
     * SMTP server never slows a page and failed sends are retried.
     */
    const mail = await this.app.container.make('mail.manager')
    mail.setMessenger((mailer) => ({
      async queue(compiled, sendConfig) {
        const { default: SendQueuedMail } = await import('#app/jobs/send_queued_mail')
        await SendQueuedMail.dispatch({ mailer: mailer.name, mail: compiled, sendConfig })
      },
    }))
  }
}
