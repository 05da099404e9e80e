import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Partners module (the plugin host): views as `partners::...`; cached
 * partner offers join the local feed as the `partners` source. The web
 * process loads config/plugins.ts at start (a broken plugin is logged
 * and left out, never fatal), schedules the offer refresh and writes the
 * call statistics every minute; a worker loads the plugins on first use.
 */
export default class PartnersProvider {
  private statsTimer: NodeJS.Timeout | undefined

  constructor(protected app: ApplicationService) {}

  async boot() {
    const edge = await import('edge.js')
    edge.default.mount('partners', new URL('./views', import.meta.url))
    const personalData = await import('#modules/partners/services/personal_data')
    const privacy = await import('#modules/privacy/index')
    privacy.registerPersonalData(personalData.partnersPersonalData)
    const { registerFeedSource } = await import('#modules/feed/index')
    const { partnersFeedSource } = await import('#modules/partners/services/feed_source')
    registerFeedSource(partnersFeedSource)
  }

  /** Never in tests or ace commands: tests load their own plugins and call the action. */
  async ready() {
    if (this.app.getEnvironment() !== 'web' || this.app.inTest) return
    const { partnerHost } = await import('#modules/partners/services/host')
    const { schedulePartnerJobs } = await import('#modules/partners/services/schedule')
    /** Not awaited: a plugin slow to set up must not hold the start (both steps log their errors). */
    void partnerHost
      .ensureLoaded()
      .then(() => schedulePartnerJobs(partnerHost.settings.refresh.cron))
    this.statsTimer = setInterval(() => {
      partnerHost.stats.flush().catch(() => {})
    }, 60_000)
    this.statsTimer.unref()
  }

  async shutdown() {
    clearInterval(this.statsTimer)
    if (this.app.getEnvironment() !== 'web' || this.app.inTest) return
    const { partnerHost } = await import('#modules/partners/services/host')
    await partnerHost.stats.flush().catch(() => {})
  }
}
