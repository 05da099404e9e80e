import i18nManager from '@adonisjs/i18n/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { appUrl } from '#config/app'
import type { AlertRecord } from '#modules/alerts/queries/alert_record'

/**
 * What an alert says on each channel, in the recipient's language. Only
 * the kind, severity, neighbourhood name and the author's text go out:
 * never the author's name or the precise place (the link shows the
 * fuzzed one to residents only).
 */

export function alertUrl(alertId: number): string {
  return new URL(urlFor('alerts.show', { id: alertId }), appUrl).href
}

export function preferencesUrl(): string {
  return new URL(urlFor('alerts.preferences.show'), appUrl).href
}

/** "Alerte urgente · Vol ou cambriolage" */
export function alertTitle(alert: Pick<AlertRecord, 'kind' | 'severity'>, locale: string): string {
  const i18n = i18nManager.locale(locale)
  return i18n.t('alerts.message.title', {
    severity: i18n.t(`alerts.severities.${alert.severity}.title`),
    kind: i18n.t(`alerts.kinds.${alert.kind}.label`),
  })
}

/** Text cut at a word boundary to `max` characters, with an ellipsis when cut. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`
}

/** The push message the service worker shows (public/sw.js). */
export function pushPayload(alert: AlertRecord, neighbourhood: string, locale: string): string {
  return JSON.stringify({
    type: 'alert',
    id: alert.id,
    severity: alert.severity,
    title: `${alertTitle(alert, locale)} · ${neighbourhood}`,
    body: excerpt(alert.text, 180),
    url: urlFor('alerts.show', { id: alert.id }),
  })
}

/** One SMS, kept short (about two segments): title, neighbourhood, text, link. */
export function smsBody(alert: AlertRecord, neighbourhood: string, locale: string): string {
  return i18nManager.locale(locale).t('alerts.sms.body', {
    title: alertTitle(alert, locale),
    neighbourhood,
    text: excerpt(alert.text, 110),
    url: alertUrl(alert.id),
  })
}

/**
 * What open pages receive on `neighbourhoods/:id/alerts`: the title in
 * both languages (the page shows its own), the text and a link.
 */
export function livePayload(alert: AlertRecord, neighbourhood: string) {
  return {
    kind: 'alert.raised',
    id: alert.id,
    severity: alert.severity,
    neighbourhood,
    title: { fr: alertTitle(alert, 'fr'), en: alertTitle(alert, 'en') },
    text: excerpt(alert.text, 280),
    url: urlFor('alerts.show', { id: alert.id }),
  }
}
