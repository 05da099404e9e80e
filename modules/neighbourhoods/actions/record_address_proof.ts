import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import neighbourhoodsConfig from '#config/neighbourhoods'

/**
 * A resident proved their address (postcard, co-optation or document: the
 * verification module decides). Their neighbourhood opens once it has
 * enough verified residents (NEIGHBOURHOODS_OPEN_THRESHOLD).
 */
export default class RecordAddressProof {
  async execute(
    userId: number,
    options: { trx?: TransactionClientContract } = {}
  ): Promise<{ verified: boolean; neighbourhoodOpened: boolean }> {
    if (options.trx) return this.record(userId, options.trx)
    return db.transaction((trx) => this.record(userId, trx))
  }

  private async record(userId: number, trx: TransactionClientContract) {
    const { rows } = await trx.rawQuery(
      `UPDATE residents SET verified_at = COALESCE(verified_at, now()), updated_at = now()
        WHERE user_id = ? RETURNING neighbourhood_id`,
      [userId]
    )
    if (rows.length === 0) return { verified: false, neighbourhoodOpened: false }
    const neighbourhoodId = rows[0].neighbourhood_id
    if (neighbourhoodId === null) return { verified: true, neighbourhoodOpened: false }

    const { rows: opened } = await trx.rawQuery(
      `UPDATE neighbourhoods SET status = 'open', opened_at = now(), updated_at = now()
        WHERE id = ? AND status = 'launching'
          AND (SELECT count(*) FROM residents WHERE neighbourhood_id = ? AND verified_at IS NOT NULL) >= ?
        RETURNING id`,
      [neighbourhoodId, neighbourhoodId, neighbourhoodsConfig.openThreshold]
    )
    return { verified: true, neighbourhoodOpened: opened.length > 0 }
  }
}
