/**
 * Public API of the neighbourhoods module: the only file other modules
 * (and commands) import. "Which neighbourhood, and who may see this".
 */
import { readFeatureCollection } from '#modules/neighbourhoods/services/geojson_file'
import {
  TownImporter,
  type TownImportOptions,
} from '#modules/neighbourhoods/services/town_importer'
import {
  NeighbourhoodImporter,
  type NeighbourhoodImportOptions,
} from '#modules/neighbourhoods/services/neighbourhood_importer'

export {
  visibleNeighbourhoodIds,
  maySee,
  SCOPES,
  type Scope,
} from '#modules/neighbourhoods/queries/scopes'
export { neighbourhoodAt, townAt, placeResident } from '#modules/neighbourhoods/services/placement'
export type { ImportReport, ProgressListener } from '#modules/neighbourhoods/services/import_report'

/** Imports communes from a GeoJSON file (plain or .gz). */
export async function importTowns(path: string, options: TownImportOptions = {}) {
  return new TownImporter().import(await readFeatureCollection(path), options)
}

/** Imports neighbourhood boundaries from a GeoJSON file (plain or .gz). */
export async function importNeighbourhoods(path: string, options: NeighbourhoodImportOptions) {
  return new NeighbourhoodImporter().import(await readFeatureCollection(path), options)
}
