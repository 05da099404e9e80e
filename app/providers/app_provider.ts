import type { ApplicationService } from '@adonisjs/core/types'
import ShieldMiddleware from '@adonisjs/shield/shield_middleware'

/**
 * Cross-cutting wiring that no single module owns.
 */
export default class AppProvider {
  constructor(protected app: ApplicationService) {}

  /**
   * Shield's middleware is stateless (its guards close over the config),
   * but its provider binds a factory that builds it, with a dynamic
   * import of edge.js, on every request: one instance serves them all.
   */
  register() {
    this.app.container.singleton(ShieldMiddleware, async () => {
      const config = this.app.config.get<any>('shield', {})
      const encryptionManager = await this.app.container.make('encryption')
      const encryption = encryptionManager.use()
      const edgeModule = this.app.usingEdgeJS ? await import('edge.js') : null
      const edge = edgeModule?.default
      return new ShieldMiddleware(config, encryption, edge)
    })
  }

  async boot() {
    /**
     * `mail.sendLater()` goes through the job queue, so a slow or failing
     * SMTP server never slows a page and failed sends are retried.
     */
    const mail = await this.app.container.make('mail.manager')
    mail.setMessenger((mailer) => ({
      async queue(compiled, sendConfig) {
        const { default: SendQueuedMail } = await import('#app/jobs/send_queued_mail')
        await SendQueuedMail.dispatch({
          mailer: mailer.name,
          mail: compiled,
          sendConfig,
          queuedAt: Date.now(),
        })
      },
    }))
  }
}
