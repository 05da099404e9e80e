import type { BaseCommand } from '@adonisjs/core/ace'
import type { ImportReport } from '#modules/neighbourhoods/index'

/** The final summary of a geo import: counts, repaired and skipped features. */
export function printImportSummary(command: BaseCommand, report: ImportReport, seconds: number) {
  const { logger } = command
  logger.success(
    `${report.imported} imported, ${report.updated} updated, ${report.skipped.length} skipped, ` +
      `${report.repaired.length} repaired (${seconds.toFixed(1)} s)`
  )
  if (report.repaired.length) {
    logger.info(`invalid rings repaired with ST_MakeValid: ${report.repaired.join(', ')}`)
  }
  for (const skipped of report.skipped) {
    logger.warning(`skipped ${skipped.id}: ${skipped.reason}`)
  }
}
