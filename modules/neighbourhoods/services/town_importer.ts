import db from '@adonisjs/lucid/services/db'
import { MULTIPOLYGON_FROM_GEOJSON } from '#modules/neighbourhoods/services/geo_sql'
import { geometryProblem, type GeoJsonFeature } from '#modules/neighbourhoods/services/geojson_file'
import { ImportReport, type ProgressListener } from '#modules/neighbourhoods/services/import_report'

export interface TownImportOptions {
  codeProperty?: string
  nameProperty?: string
  departementProperty?: string
  batchSize?: number
  onProgress?: ProgressListener
}

interface TownRow {
  code: string
  name: string
  departement: string
  geometry: string
}

/** The departement of an INSEE code: 2 characters, 3 overseas (97x). */
function departementOf(code: string) {
  return code.startsWith('97') || code.startsWith('98') ? code.slice(0, 3) : code.slice(0, 2)
}

/**
 * Imports communes (upsert by INSEE code): invalid rings are repaired with
 * ST_MakeValid and reported, unusable features are skipped with a reason.
 * Batched: one statement per batch inserts, repairs and reports.
 */
export class TownImporter {
  async import(features: GeoJsonFeature[], options: TownImportOptions = {}): Promise<ImportReport> {
    const codeKey = options.codeProperty ?? 'code'
    const nameKey = options.nameProperty ?? 'nom'
    const depKey = options.departementProperty ?? 'departement'
    const batchSize = options.batchSize ?? 250
    const report = new ImportReport()

    const rows = new Map<string, TownRow>()
    features.forEach((feature, index) => {
      const code = String(feature.properties?.[codeKey] ?? '').trim()
      const name = String(feature.properties?.[nameKey] ?? '').trim()
      const id = code || `#${index + 1}`
      if (!/^[0-9][0-9AB][0-9]{3}$/.test(code))
        return report.skip(id, `no valid INSEE code in "${codeKey}"`)
      if (!name) return report.skip(id, `no name in "${nameKey}"`)
      const problem = geometryProblem(feature)
      if (problem) return report.skip(id, problem)
      const departement = String(feature.properties?.[depKey] ?? departementOf(code)).trim()
      if (rows.has(code)) return report.skip(id, 'duplicate INSEE code in the file')
      rows.set(code, {
        code,
        name: name.slice(0, 120),
        departement,
        geometry: JSON.stringify(feature.geometry),
      })
    })

    let done = report.skipped.length
    const all = [...rows.values()]
    for (let start = 0; start < all.length; start += batchSize) {
      const batch = all.slice(start, start + batchSize)
      const result = await this.upsertBatch(batch)
      for (const row of result) {
        if (row.empty) report.skip(row.code, 'geometry is empty once repaired')
        else if (row.inserted) report.imported++
        else report.updated++
        if (!row.was_valid && !row.empty) report.repaired.push(row.code)
      }
      done += batch.length
      options.onProgress?.(done, features.length)
    }
    return report
  }

  private async upsertBatch(batch: TownRow[]) {
    const values = batch.map(() => '(?, ?, ?, ?)').join(', ')
    const bindings = batch.flatMap((row) => [row.code, row.name, row.departement, row.geometry])
    const { rows } = await db.rawQuery<{
      rows: { code: string; was_valid: boolean; empty: boolean; inserted: boolean | null }[]
    }>(
      `WITH input (code, name, departement, geojson) AS (VALUES ${values}),
      parsed AS (
        SELECT code, name, departement, ST_SetSRID(ST_GeomFromGeoJSON(geojson), 4326) AS raw, geojson
        FROM input
      ),
      fixed AS (
        SELECT code, name, departement, ST_IsValid(raw) AS was_valid,
               ${MULTIPOLYGON_FROM_GEOJSON.replace('?', 'geojson')} AS geom
        FROM parsed
      ),
      saved AS (
        INSERT INTO towns (insee_code, name, departement, boundary, created_at, updated_at)
        SELECT code, name, departement, geom, now(), now() FROM fixed WHERE NOT ST_IsEmpty(geom)
        ON CONFLICT (insee_code) DO UPDATE
          SET name = EXCLUDED.name, departement = EXCLUDED.departement,
              boundary = EXCLUDED.boundary, updated_at = now()
        RETURNING insee_code, (xmax = 0) AS inserted
      )
      SELECT fixed.code, fixed.was_valid, ST_IsEmpty(fixed.geom) AS empty, saved.inserted
      FROM fixed LEFT JOIN saved ON saved.insee_code = fixed.code`,
      bindings
    )
    return rows
  }
}
