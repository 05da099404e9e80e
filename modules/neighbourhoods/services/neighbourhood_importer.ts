import db from '@adonisjs/lucid/services/db'
import { MULTIPOLYGON_FROM_GEOJSON } from '#modules/neighbourhoods/services/geo_sql'
import { geometryProblem, type GeoJsonFeature } from '#modules/neighbourhoods/services/geojson_file'
import { ImportReport, type ProgressListener } from '#modules/neighbourhoods/services/import_report'
import { refreshAllNearby } from '#modules/neighbourhoods/services/nearby'
import { slugify } from '#modules/neighbourhoods/services/slugs'

export interface NeighbourhoodImportOptions {
  nameProperty: string
  /** Property holding a stable identifier (upsert key); else the name. */
  codeProperty?: string
  /** Property holding the town's INSEE code... */
  townProperty?: string
  /** ...or one INSEE code for the whole file; else the town under each shape. */
  townCode?: string
  onProgress?: ProgressListener
}

/**
 * Imports neighbourhoods (upsert by town and code): repairs invalid rings
 * and reports them, records a revision for every new or changed boundary,
 * then recomputes the "nearby" pairs.
 */
export class NeighbourhoodImporter {
  async import(
    features: GeoJsonFeature[],
    options: NeighbourhoodImportOptions
  ): Promise<ImportReport> {
    const report = new ImportReport()
    const seen = new Set<string>()

    for (const [index, feature] of features.entries()) {
      const name = String(feature.properties?.[options.nameProperty] ?? '').trim()
      const code = options.codeProperty
        ? String(feature.properties?.[options.codeProperty] ?? '').trim()
        : ''
      const id = code || name || `#${index + 1}`
      options.onProgress?.(index + 1, features.length)

      if (!name) {
        report.skip(id, `no name in "${options.nameProperty}"`)
        continue
      }
      const problem = geometryProblem(feature)
      if (problem) {
        report.skip(id, problem)
        continue
      }
      const geojson = JSON.stringify(feature.geometry)
      const town = await this.townFor(feature, geojson, options)
      if (!town) {
        report.skip(id, 'no imported town matches (import the towns first)')
        continue
      }
      const sourceCode = `${town.insee_code}:${code || slugify(name)}`.slice(0, 60)
      if (seen.has(sourceCode)) {
        report.skip(id, 'duplicate in the file')
        continue
      }
      seen.add(sourceCode)

      const outcome = await this.upsert(town, name, sourceCode, geojson)
      if (outcome === 'empty') report.skip(id, 'geometry is empty once repaired')
      else if (outcome.inserted) report.imported++
      else report.updated++
      if (outcome !== 'empty' && outcome.repaired) report.repaired.push(id)
    }

    await refreshAllNearby()
    return report
  }

  private async townFor(
    feature: GeoJsonFeature,
    geojson: string,
    options: NeighbourhoodImportOptions
  ) {
    const code =
      options.townCode ??
      (options.townProperty ? String(feature.properties?.[options.townProperty] ?? '') : null)
    if (code) {
      const { rows } = await db.rawQuery<{
        rows: { id: number; insee_code: string; name: string }[]
      }>('SELECT id, insee_code, name FROM towns WHERE insee_code = ?', [code])
      return rows[0] ?? null
    }
    const { rows } = await db.rawQuery<{
      rows: { id: number; insee_code: string; name: string }[]
    }>(
      `SELECT id, insee_code, name FROM towns
        WHERE ST_Covers(boundary, ST_PointOnSurface(${MULTIPOLYGON_FROM_GEOJSON}))
        ORDER BY id LIMIT 1`,
      [geojson]
    )
    return rows[0] ?? null
  }

  private async upsert(
    town: { id: number; name: string },
    name: string,
    sourceCode: string,
    geojson: string
  ): Promise<'empty' | { inserted: boolean; repaired: boolean }> {
    return db.transaction(async (trx) => {
      const { rows: shapes } = await trx.rawQuery<{
        rows: { valid: boolean; empty: boolean; geom: string }[]
      }>(
        `SELECT ST_IsValid(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)) AS valid,
                ST_IsEmpty(g) AS empty, g AS geom
           FROM (SELECT ${MULTIPOLYGON_FROM_GEOJSON} AS g) shape`,
        [geojson, geojson]
      )
      const shape = shapes[0]
      if (shape.empty) return 'empty'

      const existing = await trx
        .from('neighbourhoods')
        .where('source_code', sourceCode)
        .select('id', 'slug')
        .forUpdate()
        .first()

      if (existing) {
        const { rows } = await trx.rawQuery<{ rows: { changed: boolean }[] }>(
          `WITH old AS (SELECT boundary FROM neighbourhoods WHERE id = ?)
           SELECT NOT ST_Equals(old.boundary, ?::geometry) AS changed FROM old`,
          [existing.id, shape.geom]
        )
        if (rows[0]?.changed) {
          await trx.rawQuery(
            `INSERT INTO neighbourhood_revisions (neighbourhood_id, author_id, status, reason, previous_boundary, boundary, created_at)
             SELECT id, NULL, 'applied', 'import', boundary, ?::geometry, now() FROM neighbourhoods WHERE id = ?`,
            [shape.geom, existing.id]
          )
        }
        await trx.rawQuery(
          `UPDATE neighbourhoods SET name = ?, town_id = ?, boundary = ?::geometry, updated_at = now() WHERE id = ?`,
          [name, town.id, shape.geom, existing.id]
        )
        return { inserted: false, repaired: !shape.valid }
      }

      const slug = await this.freeSlug(trx, slugify(name), slugify(`${town.name} ${name}`))
      const { rows } = await trx.rawQuery<{ rows: { id: number }[] }>(
        `INSERT INTO neighbourhoods (town_id, name, slug, source_code, boundary, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?::geometry, 'launching', now(), now()) RETURNING id`,
        [town.id, name, slug, sourceCode, shape.geom]
      )
      await trx.rawQuery(
        `INSERT INTO neighbourhood_revisions (neighbourhood_id, author_id, status, reason, previous_boundary, boundary, created_at)
         VALUES (?, NULL, 'created', 'import', NULL, ?::geometry, now())`,
        [rows[0].id, shape.geom]
      )
      return { inserted: true, repaired: !shape.valid }
    })
  }

  private async freeSlug(trx: { from: typeof db.from }, ...candidates: string[]) {
    for (const candidate of candidates) {
      const taken = await trx.from('neighbourhoods').where('slug', candidate).first()
      if (!taken) return candidate
    }
    return `${candidates[candidates.length - 1]}-${Date.now().toString(36)}`
  }
}
