import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Group buys module: views as `group_buys::...`; open campaigns join the
 * local feed as the `group_buys` source; the web process schedules the
 * deadline job.
 */
export default class GroupBuysProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const edge = await import('edge.js')
    edge.default.mount('group_buys', new URL('./views', import.meta.url))
    const personalData = await import('#modules/group_buys/services/personal_data')
    const privacy = await import('#modules/privacy/index')
    privacy.registerPersonalData(personalData.groupBuysPersonalData)
    const { registerNotificationType } = await import('#modules/notifications/index')
    registerNotificationType({
      type: 'group_buys.updates',
      labelKey: 'notifications.types.group_buys',
      emailByDefault: true,
    })
    const { registerFeedSource } = await import('#modules/feed/index')
    const { groupBuysFeedSource } = await import('#modules/group_buys/services/feed_source')
    registerFeedSource(groupBuysFeedSource)
    const { groupBuyReportable } = await import('#modules/group_buys/services/reportable')
    const { registerReportable } = await import('#modules/moderation/index')
    registerReportable(groupBuyReportable)
  }

  /** Never in tests or ace commands: tests call the job's action themselves. */
  async ready() {
    if (this.app.getEnvironment() !== 'web' || this.app.inTest) return
    const { scheduleGroupBuyJobs } = await import('#modules/group_buys/services/schedule')
    await scheduleGroupBuyJobs()
  }
}
