import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Makes the VAPID key pair web push needs (P-256, URL-safe base64) and
 * prints it as .env lines. Keys are made once per site: changing them
 * invalidates every device's subscription.
 */
export default class AlertsVapidKeys extends BaseCommand {
  static commandName = 'alerts:vapid-keys'
  static description = 'Generate the VAPID key pair for web push alerts (prints .env lines)'
  static options: CommandOptions = { startApp: false }

  async run() {
    const { default: webpush } = await import('web-push')
    const keys = webpush.generateVAPIDKeys()
    this.logger.info('Add these lines to .env (or the environment), then restart Quartier:')
    this.logger.log(`VAPID_PUBLIC_KEY=${keys.publicKey}`)
    this.logger.log(`VAPID_PRIVATE_KEY=${keys.privateKey}`)
    this.logger.log('VAPID_SUBJECT=mailto:you@example.org')
    this.logger.info(
      'Keep the private key secret. Changing the pair later unsubscribes every device.'
    )
  }
}
