/**
 * Public API of the alerts module: the only file other modules import.
 * Alerts reach residents on their own (the fan-out); other modules only
 * need the vocabulary, and town halls raise official alerts.
 */
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import RaiseOfficialAlert, {
  type OfficialAlertInput,
  type RaisedOfficialAlert,
} from '#modules/alerts/actions/raise_official_alert'

export {
  ALERT_KINDS,
  SEVERITIES,
  type AlertKind,
  type Severity,
} from '#modules/alerts/services/settings'
export { alertsChannel } from '#modules/alerts/services/live'
export {
  OFFICIAL_ALERT_KINDS,
  OFFICIAL_ALERTS_PER_DAY,
  OfficialAlertLimitError,
  type OfficialAlertInput,
  type OfficialAlertKind,
  type RaisedOfficialAlert,
} from '#modules/alerts/actions/raise_official_alert'

/**
 * A verified town hall's official alert to chosen neighbourhoods (the
 * caller checks who may): within `trx` when given, then call `publish()`
 * after that commit; otherwise written and published here.
 */
export function raiseOfficialAlert(
  input: OfficialAlertInput,
  options: { trx?: TransactionClientContract } = {}
): Promise<RaisedOfficialAlert> {
  return new RaiseOfficialAlert().execute(input, options)
}

/** Back office dashboard: alerts raised per week, dead-lettered deliveries waiting. */
export { deadLetterCount, weeklyAlerts } from '#modules/alerts/queries/back_office_figures'
