import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { importNeighbourhoods } from '#modules/neighbourhoods/index'
import { printImportSummary } from '#app/console/import_summary'
import { progressBar } from '#app/console/progress_bar'

export default class GeoImportNeighbourhoods extends BaseCommand {
  static commandName = 'geo:import-neighbourhoods'
  static description =
    'Import neighbourhood boundaries from a GeoJSON file (plain or .gz); towns must be imported first'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Path to a GeoJSON FeatureCollection (.geojson or .geojson.gz)' })
  declare file: string

  @flags.string({ description: 'Property holding the neighbourhood name', required: true })
  declare nameProperty: string

  @flags.string({ description: 'Property holding a stable identifier (default: the name)' })
  declare codeProperty?: string

  @flags.string({ description: "Property holding the town's INSEE code" })
  declare townProperty?: string

  @flags.string({ description: 'INSEE code of the town for every feature (e.g. 75056 for Paris)' })
  declare townCode?: string

  async run() {
    const started = performance.now()
    try {
      const report = await importNeighbourhoods(this.file, {
        nameProperty: this.nameProperty,
        codeProperty: this.codeProperty,
        townProperty: this.townProperty,
        townCode: this.townCode,
        onProgress: progressBar('neighbourhoods'),
      })
      printImportSummary(this, report, (performance.now() - started) / 1000)
    } catch (error) {
      this.logger.error(`cannot import ${this.file}: ${(error as Error).message}`)
      this.exitCode = 1
    }
  }
}
