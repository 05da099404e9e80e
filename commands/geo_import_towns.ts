import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { importTowns } from '#modules/neighbourhoods/index'
import { printImportSummary } from '#app/console/import_summary'
import { progressBar } from '#app/console/progress_bar'

export default class GeoImportTowns extends BaseCommand {
  static commandName = 'geo:import-towns'
  static description =
    'Import French communes (INSEE code, name, boundary) from a GeoJSON file, plain or .gz'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Path to a GeoJSON FeatureCollection (.geojson or .geojson.gz)' })
  declare file: string

  @flags.string({ description: 'Property holding the INSEE code', default: 'code' })
  declare codeProperty: string

  @flags.string({ description: 'Property holding the name', default: 'nom' })
  declare nameProperty: string

  async run() {
    const started = performance.now()
    try {
      const report = await importTowns(this.file, {
        codeProperty: this.codeProperty,
        nameProperty: this.nameProperty,
        onProgress: progressBar('towns'),
      })
      printImportSummary(this, report, (performance.now() - started) / 1000)
    } catch (error) {
      this.logger.error(`cannot import ${this.file}: ${(error as Error).message}`)
      this.exitCode = 1
    }
  }
}
