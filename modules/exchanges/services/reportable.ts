import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Reportable, ReportedContent } from '#modules/moderation/index'
import Exchange from '#modules/exchanges/models/exchange'
import { mayView } from '#modules/exchanges/queries/exchange_access'
import { exchangePath } from '#modules/exchanges/services/exchange_links'
import { photoStorage } from '#modules/exchanges/services/photo_storage'

function reported(exchange: Exchange): ReportedContent {
  return {
    authorId: exchange.authorId,
    neighbourhoodId: exchange.neighbourhoodId,
    excerpt: `${exchange.title}\n${exchange.description}`.slice(0, 600),
    path: exchangePath(exchange.id),
    hidden: exchange.hiddenAt !== null,
  }
}

/**
 * Exchanges as moderation sees them. Removing one deletes it with its
 * photos (conversations about it keep their messages).
 */
export const exchangeReportable: Reportable = {
  kind: 'exchange',

  async locate(id, viewerId) {
    const exchange = await Exchange.find(id)
    if (!exchange || !(await mayView(exchange, viewerId))) return null
    return reported(exchange)
  },

  async find(id, trx?: TransactionClientContract) {
    const exchange = await Exchange.find(id, trx ? { client: trx } : undefined)
    return exchange ? reported(exchange) : null
  },

  async setHidden(id, hidden, trx) {
    await trx
      .from('exchanges')
      .where('id', id)
      .update({ hidden_at: hidden ? new Date() : null, updated_at: new Date() })
  },

  async remove(id, trx) {
    const photos = await trx.from('exchange_photos').where('exchange_id', id).select('storage_key')
    /** Responses, bookings, ride details and photo rows go with it (foreign keys cascade). */
    await trx.from('exchanges').where('id', id).delete()
    /** Files after the commit: a rollback must not lose them. */
    trx.after('commit', async () => {
      for (const photo of photos) await photoStorage.removeQuietly(photo.storage_key)
    })
  },
}
