import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Organisations module: views as `organisations::...`; shop offers and
 * town hall notices join the local feed as the `shop_offers` and
 * `notices` sources; pinned notices in a panel above the feed
 * (`pinnedNotices(userId)` is the global that panel reads).
 */
export default class OrganisationsProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const edge = await import('edge.js')
    edge.default.mount('organisations', new URL('./views', import.meta.url))
    const personalData = await import('#modules/organisations/services/personal_data')
    const privacy = await import('#modules/privacy/index')
    privacy.registerPersonalData(personalData.organisationsPersonalData)
    const { registerNotificationType } = await import('#modules/notifications/index')
    registerNotificationType({
      type: 'organisations.updates',
      labelKey: 'notifications.types.organisations',
      emailByDefault: true,
    })
    const { pinnedNoticesFor } = await import('#modules/organisations/queries/notices')
    edge.default.global('pinnedNotices', async (userId: unknown) => {
      const id = Number(userId)
      return Number.isSafeInteger(id) && id > 0 ? pinnedNoticesFor(id) : []
    })
    const { registerFeedPanel, registerFeedSource } = await import('#modules/feed/index')
    const { noticesFeedSource, shopOffersFeedSource } =
      await import('#modules/organisations/services/feed_sources')
    registerFeedSource(shopOffersFeedSource)
    registerFeedSource(noticesFeedSource)
    registerFeedPanel('organisations::components/pinned_notices')
    const { noticeReplyReportable, shopOfferReportable } =
      await import('#modules/organisations/services/reportable')
    const { registerReportable } = await import('#modules/moderation/index')
    registerReportable(shopOfferReportable)
    registerReportable(noticeReplyReportable)
    const { registerOrganisationDirectory } = await import('#modules/events/index')
    const { organisationAuthorNames } = await import('#modules/organisations/queries/author_names')
    registerOrganisationDirectory({ namesOf: organisationAuthorNames })
  }
}
