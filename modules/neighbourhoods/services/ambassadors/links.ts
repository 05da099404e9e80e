import { urlFor } from '@adonisjs/core/services/url_builder'
import { appUrl } from '#config/app'

/** Absolute links for mails (they are opened outside the site). */
export function dashboardUrl(): string {
  return new URL(urlFor('neighbourhoods.ambassadors.show'), appUrl).href
}

export function kitOrderUrl(id: number): string {
  return new URL(urlFor('neighbourhoods.ambassadors.kits.show', { id }), appUrl).href
}
