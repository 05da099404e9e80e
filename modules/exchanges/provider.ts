import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Exchanges module: views as `exchanges::...`; its items join the local
 * feed as the `exchanges` source; the web process schedules its hourly
 * jobs (expiry and reminders, loan returns).
 */
export default class ExchangesProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const edge = await import('edge.js')
    edge.default.mount('exchanges', new URL('./views', import.meta.url))
    const personalData = await import('#modules/exchanges/services/personal_data')
    const privacy = await import('#modules/privacy/index')
    privacy.registerPersonalData(personalData.exchangesPersonalData)
    const { registerNotificationType } = await import('#modules/notifications/index')
    registerNotificationType({
      type: 'exchanges.updates',
      labelKey: 'notifications.types.exchanges',
      emailByDefault: true,
    })
    const { registerFeedSource } = await import('#modules/feed/index')
    const { exchangesFeedSource } = await import('#modules/exchanges/services/feed_source')
    registerFeedSource(exchangesFeedSource)
    const { exchangeReportable } = await import('#modules/exchanges/services/reportable')
    const { registerReportable } = await import('#modules/moderation/index')
    registerReportable(exchangeReportable)
  }

  /** Never in tests or ace commands: tests call the jobs' actions themselves. */
  async ready() {
    if (this.app.getEnvironment() !== 'web' || this.app.inTest) return
    const { scheduleExchangeJobs } = await import('#modules/exchanges/services/schedule')
    await scheduleExchangeJobs()
  }
}
