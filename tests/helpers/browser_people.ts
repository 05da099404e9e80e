/*
| More people for the browser tests: each in their own browser (own
| cookies), an operator account, Paris days as date inputs take them and
| the distance between two homes.
*/
import db from '@adonisjs/lucid/services/db'
import type { Browser, Page } from 'playwright'
import { signIn, watchErrors } from '#tests/helpers/browser'
import type { Point } from '#tests/helpers/community'
import { createResident } from '#tests/helpers/residents'

/** Another browser (its own cookies, French), signed in as `email`, its errors collected. */
export async function personBrowser(
  browser: Browser,
  email: string,
  errors: string[],
  cleanup: (handler: () => Promise<void>) => void
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: `http://${process.env.HOST}:${process.env.PORT}`,
    locale: 'fr-FR',
  })
  cleanup(() => context.close())
  const page = await context.newPage()
  watchErrors(page, errors)
  await signIn(page, email)
  return page
}

/** An account with the operator role (back office), no home. */
export async function operatorAccount(email: string, displayName = 'Opératrice Quartier') {
  const operator = await createResident({ email, displayName })
  await db.from('users').where('id', operator.id).update({ role: 'operator' })
  return operator
}

/** A day `days` from today, 'YYYY-MM-DD' (Paris), as a date input takes it. */
export function parisDayFromNow(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(
    new Date(Date.now() + days * 86_400_000)
  )
}

/** Metres between two points on the ground (haversine). */
export function metresApart(a: Point, b: Point): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180
  const dLat = radians(b.latitude - a.latitude)
  const dLon = radians(b.longitude - a.longitude)
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h))
}
