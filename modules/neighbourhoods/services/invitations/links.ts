import { urlFor } from '@adonisjs/core/services/url_builder'
import { appUrl } from '#config/app'

/** The absolute join link of a code (mails, SMS, letters and their QR code). */
export function joinUrl(code: string): string {
  return new URL(urlFor('neighbourhoods.join.show', { code }), appUrl).href
}

/** Where a code read on paper is typed, as printed: "quartier.example/join". */
export function enterCodeUrl(): string {
  return new URL(urlFor('neighbourhoods.join.index'), appUrl).href.replace(/^https?:\/\//, '')
}
