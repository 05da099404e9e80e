import { fileURLToPath } from 'node:url'
import { importNeighbourhoods, importTowns } from '#modules/neighbourhoods/index'
import { resetDatabase } from '#tests/helpers/database'
import { extractCommunes } from '#database/support/communes'
import { writeFile, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * The real boundary data beside the checkout (../shared/data), or
 * GEO_DATA_DIR. Without it the geo tests cannot run: say so at once.
 */
export const DATA_DIR = process.env.GEO_DATA_DIR
  ? resolve(process.env.GEO_DATA_DIR)
  : fileURLToPath(new URL('../../../shared/data/', import.meta.url))
if (!existsSync(join(DATA_DIR, 'paris-quartiers.geojson'))) {
  throw new Error(
    `The boundary data is missing in ${DATA_DIR}: the tests read ../shared/data beside the checkout (or GEO_DATA_DIR).`
  )
}
export const PARIS_QUARTIERS = join(DATA_DIR, 'paris-quartiers.geojson')
export const ILLE_ET_VILAINE = join(DATA_DIR, 'communes-35-ille-et-vilaine.geojson')
export const FRANCE_COMMUNES = join(DATA_DIR, 'france-communes.geojson.gz')

/** Tables holding imported boundaries, spared between tests of a group. */
export const GEO_TABLES = [
  'towns',
  'neighbourhoods',
  'neighbourhood_revisions',
  'neighbourhood_neighbours',
]

let parisCommune: string | null = null

/** A GeoJSON file with only the commune of Paris (75056), cut from the national file once. */
export async function parisCommuneFile(): Promise<string> {
  parisCommune ??= await extractCommunes(FRANCE_COMMUNES, ['75056'])
  return parisCommune
}

/** Empty database, then Paris and its 80 administrative quartiers. */
export async function loadParis() {
  await resetDatabase()
  await importTowns(await parisCommuneFile())
  await importNeighbourhoods(PARIS_QUARTIERS, {
    nameProperty: 'l_qu',
    codeProperty: 'c_quinsee',
    townCode: '75056',
  })
}

/** Paris with its quartiers, plus the communes of Ille-et-Vilaine (none has a neighbourhood). */
export async function loadParisAndIlleEtVilaine() {
  await loadParis()
  await importTowns(ILLE_ET_VILAINE)
}

/** A square of `sizeM` metres centred on a point, as a GeoJSON Polygon string. */
export function squareAround(longitude: number, latitude: number, sizeM: number): string {
  const dLat = sizeM / 2 / 111_320
  const dLon = sizeM / 2 / (111_320 * Math.cos((latitude * Math.PI) / 180))
  return JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [longitude - dLon, latitude - dLat],
        [longitude + dLon, latitude - dLat],
        [longitude + dLon, latitude + dLat],
        [longitude - dLon, latitude + dLat],
        [longitude - dLon, latitude - dLat],
      ],
    ],
  })
}

export async function writeGeoJson(features: unknown[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'quartier-geo-'))
  const file = join(dir, 'features.geojson')
  await writeFile(file, JSON.stringify({ type: 'FeatureCollection', features }))
  return file
}
