import db from '@adonisjs/lucid/services/db'
import { refreshNearbyFor } from '#modules/neighbourhoods/services/nearby'
import { slugify } from '#modules/neighbourhoods/services/slugs'

/**
 * A resident outside every neighbourhood creates theirs from a boundary
 * that passed checkBoundary(). It starts `launching`; every resident of the
 * town whose home it covers and who had no neighbourhood joins it.
 */
export default class CreateNeighbourhood {
  async execute(input: {
    userId: number
    townId: number
    townName: string
    name: string
    geometry: string
  }): Promise<{ id: number; slug: string }> {
    const created = await db.transaction(async (trx) => {
      const slug = await this.freeSlug(trx, input.name, input.townName)
      const { rows } = await trx.rawQuery(
        `INSERT INTO neighbourhoods (town_id, name, slug, boundary, status, created_by_id, created_at, updated_at)
         VALUES (?, ?, ?, ?::geometry, 'launching', ?, now(), now()) RETURNING id`,
        [input.townId, input.name, slug, input.geometry, input.userId]
      )
      const id = Number(rows[0].id)
      await trx.rawQuery(
        `INSERT INTO neighbourhood_revisions (neighbourhood_id, author_id, status, reason, previous_boundary, boundary, created_at)
         VALUES (?, ?, 'created', 'drawn', NULL, ?::geometry, now())`,
        [id, input.userId, input.geometry]
      )
      await trx.rawQuery(
        `UPDATE residents SET neighbourhood_id = ?, updated_at = now()
          WHERE neighbourhood_id IS NULL AND town_id = ?
            AND ST_Covers((SELECT boundary FROM neighbourhoods WHERE id = ?), home_point)`,
        [id, input.townId, id]
      )
      await refreshNearbyFor(id, trx)
      return { id, slug }
    })
    return created
  }

  private async freeSlug(trx: any, name: string, townName: string) {
    /** "new" is a path (/neighbourhoods/new), not a free slug. */
    const candidates = [slugify(name), slugify(`${name} ${townName}`)].filter(
      (slug) => slug !== 'new'
    )
    for (const candidate of candidates) {
      if (candidate && !(await trx.from('neighbourhoods').where('slug', candidate).first()))
        return candidate
    }
    for (let n = 2; ; n++) {
      const candidate = `${candidates[1]}-${n}`
      if (!(await trx.from('neighbourhoods').where('slug', candidate).first())) return candidate
    }
  }
}
