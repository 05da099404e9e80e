import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { refreshNearbyFor } from '#modules/neighbourhoods/services/nearby'

/**
 * Boundary changes, all versioned in neighbourhood_revisions:
 * - propose: a super voisin's new shape waits for a moderator;
 * - apply: a moderator's or operator's shape (or an accepted proposal)
 *   replaces the boundary, keeping the previous one in the revision;
 * - reject: a proposal is closed without change;
 * - revert: an applied change is undone by a new revision restoring the
 *   previous shape.
 * Residents follow the boundary: homes now outside move to the
 * neighbourhood covering them (if any), homes inside that had no
 * neighbourhood join.
 */
export default class ChangeBoundary {
  async propose(neighbourhoodId: number, authorId: number, geometry: string, reason: string) {
    const { rows } = await db.rawQuery(
      `INSERT INTO neighbourhood_revisions (neighbourhood_id, author_id, status, reason, previous_boundary, boundary, created_at)
       SELECT id, ?, 'proposed', ?, boundary, ?::geometry, now() FROM neighbourhoods WHERE id = ?
       RETURNING id`,
      [authorId, reason, geometry, neighbourhoodId]
    )
    return Number(rows[0].id)
  }

  async applyNew(neighbourhoodId: number, authorId: number, geometry: string, reason: string) {
    return db.transaction(async (trx) => {
      const { rows } = await trx.rawQuery(
        `INSERT INTO neighbourhood_revisions (neighbourhood_id, author_id, status, reason, previous_boundary, boundary,
                                              reviewed_by_id, reviewed_at, created_at)
         SELECT id, ?, 'applied', ?, boundary, ?::geometry, ?, now(), now() FROM neighbourhoods WHERE id = ?
         RETURNING id`,
        [authorId, reason, geometry, authorId, neighbourhoodId]
      )
      await this.setBoundary(trx, neighbourhoodId, geometry)
      return Number(rows[0].id)
    })
  }

  /** Accepts a pending proposal. Returns false when it is not pending. */
  async accept(neighbourhoodId: number, revisionId: number, reviewerId: number): Promise<boolean> {
    return db.transaction(async (trx) => {
      const { rows } = await trx.rawQuery(
        `UPDATE neighbourhood_revisions r
            SET status = 'applied', reviewed_by_id = ?, reviewed_at = now(),
                previous_boundary = (SELECT boundary FROM neighbourhoods WHERE id = r.neighbourhood_id)
          WHERE r.id = ? AND r.neighbourhood_id = ? AND r.status = 'proposed'
          RETURNING boundary`,
        [reviewerId, revisionId, neighbourhoodId]
      )
      if (rows.length === 0) return false
      await this.setBoundary(trx, neighbourhoodId, rows[0].boundary)
      return true
    })
  }

  async reject(neighbourhoodId: number, revisionId: number, reviewerId: number): Promise<boolean> {
    const { rows } = await db.rawQuery(
      `UPDATE neighbourhood_revisions SET status = 'rejected', reviewed_by_id = ?, reviewed_at = now()
        WHERE id = ? AND neighbourhood_id = ? AND status = 'proposed' RETURNING id`,
      [reviewerId, revisionId, neighbourhoodId]
    )
    return rows.length > 0
  }

  /** Undoes an applied change. Returns false when it cannot be reverted. */
  async revert(neighbourhoodId: number, revisionId: number, reviewerId: number): Promise<boolean> {
    return db.transaction(async (trx) => {
      const { rows } = await trx.rawQuery(
        `UPDATE neighbourhood_revisions SET status = 'reverted'
          WHERE id = ? AND neighbourhood_id = ? AND status = 'applied' AND previous_boundary IS NOT NULL
          RETURNING previous_boundary`,
        [revisionId, neighbourhoodId]
      )
      if (rows.length === 0) return false
      const restored = rows[0].previous_boundary
      await trx.rawQuery(
        `INSERT INTO neighbourhood_revisions (neighbourhood_id, author_id, status, reason, previous_boundary, boundary,
                                              reviewed_by_id, reviewed_at, created_at)
         SELECT id, ?, 'applied', ?, boundary, ?::geometry, ?, now(), now() FROM neighbourhoods WHERE id = ?`,
        [reviewerId, `revert #${revisionId}`, restored, reviewerId, neighbourhoodId]
      )
      await this.setBoundary(trx, neighbourhoodId, restored)
      return true
    })
  }

  private async setBoundary(
    trx: TransactionClientContract,
    neighbourhoodId: number,
    geometry: string
  ) {
    await trx.rawQuery(
      'UPDATE neighbourhoods SET boundary = ?::geometry, updated_at = now() WHERE id = ?',
      [geometry, neighbourhoodId]
    )
    /** Homes left outside go to whichever neighbourhood now covers them, if any. */
    await trx.rawQuery(
      `UPDATE residents r SET updated_at = now(), neighbourhood_id = (
          SELECT other.id FROM neighbourhoods other
           WHERE ST_Covers(other.boundary, r.home_point) ORDER BY other.id LIMIT 1)
         FROM neighbourhoods n
        WHERE n.id = ? AND r.neighbourhood_id = n.id AND NOT ST_Covers(n.boundary, r.home_point)`,
      [neighbourhoodId]
    )
    await trx.rawQuery(
      `UPDATE residents r SET neighbourhood_id = n.id, updated_at = now()
         FROM neighbourhoods n
        WHERE n.id = ? AND r.neighbourhood_id IS NULL AND r.town_id = n.town_id AND ST_Covers(n.boundary, r.home_point)`,
      [neighbourhoodId]
    )
    await refreshNearbyFor(neighbourhoodId, trx)
  }
}
