/**
 * Public API of the alerts module: the only file other modules import.
 * Alerts reach residents on their own (the fan-out); other modules only
 * need the vocabulary.
 */
export {
  ALERT_KINDS,
  SEVERITIES,
  type AlertKind,
  type Severity,
} from '#modules/alerts/services/settings'
export { alertsChannel } from '#modules/alerts/services/live'
