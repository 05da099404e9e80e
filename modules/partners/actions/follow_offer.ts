import db from '@adonisjs/lucid/services/db'
import { validateOffer, type OfferKind, type PartnerOffer } from '#sdk'
import { feedViewerFor } from '#modules/feed/index'
import { partnerHost } from '#modules/partners/services/host'
import { visibleOffers } from '#modules/partners/services/feed_source'

/**
 * A resident follows a partner offer's card: the offer must be one the
 * feed would show them (same condition, else null: a 404), the click is
 * recorded (plugin, offer, resident, time, which link was used), and the
 * destination is the plugin's booking link when it gives an https one in
 * time, else the offer's own https link.
 */
export default class FollowOffer {
  async execute(input: {
    userId: number
    locale: string
    offerRef: number
  }): Promise<{ url: string } | null> {
    const viewer = await feedViewerFor(input.userId, input.locale)
    const pluginIds = partnerHost.activeIds()
    if (viewer.neighbourhoodId === null || pluginIds.length === 0) return null
    const visible = visibleOffers(viewer, pluginIds)
    const { rows } = await db.rawQuery<{ rows: any[] }>(
      `SELECT o.id, o.plugin_id, o.offer_id, o.neighbourhood_id, o.offer
         FROM partner_offers o
        WHERE o.id = ? AND ${visible.sql}`,
      [input.offerRef, ...visible.bindings]
    )
    const row = rows[0]
    if (!row) return null
    const plugin = partnerHost.plugin(row.plugin_id)
    let offer: PartnerOffer
    try {
      /** Back to Date objects, and checked again: the row is only what we stored. */
      offer = validateOffer(row.offer, {
        now: new Date(partnerHost.now()),
        kinds: plugin?.manifest.offerKinds as OfferKind[] | undefined,
      })
    } catch {
      return null
    }
    const destination = await partnerHost.bookingLink(row.plugin_id, offer)
    if (!destination) return null
    await db.table('partner_clicks').insert({
      plugin_id: row.plugin_id,
      offer_id: row.offer_id,
      user_id: input.userId,
      neighbourhood_id: row.neighbourhood_id,
      link_source: destination.via,
      clicked_at: new Date(),
    })
    return { url: destination.url }
  }
}
