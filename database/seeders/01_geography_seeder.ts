import { existsSync } from 'node:fs'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { importNeighbourhoods, importTowns } from '#modules/neighbourhoods/index'
import { extractCommunes } from '#database/support/communes'

/**
 * Real boundaries for the demo: the 80 quartiers of Paris and the communes
 * of Ille-et-Vilaine (Rennes, Saint-Malo...), read from ../shared/data
 * (GEO_DATA_DIR). Without that folder the demo has no map data; import it
 * later with `npm run ace -- geo:import-towns` / `geo:import-neighbourhoods`.
 */
export default class GeographySeeder extends BaseSeeder {
  async run() {
    const dir = app.makePath(process.env.GEO_DATA_DIR ?? '../shared/data')
    const paris = join(dir, 'paris-quartiers.geojson')
    const france = join(dir, 'france-communes.geojson.gz')
    const ille = join(dir, 'communes-35-ille-et-vilaine.geojson')
    if (![paris, france, ille].every((file) => existsSync(file))) {
      logger.warn(`no boundary data in ${dir}: the demo starts without towns and neighbourhoods`)
      return
    }
    await importTowns(ille)
    await importTowns(await extractCommunes(france, ['75056']))
    await importNeighbourhoods(paris, {
      nameProperty: 'l_qu',
      codeProperty: 'c_quinsee',
      townCode: '75056',
    })
  }
}
