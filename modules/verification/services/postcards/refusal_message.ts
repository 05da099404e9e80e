import type { HttpContext } from '@adonisjs/core/http'
import type { PostcardRefusal } from '#modules/verification/services/postcards/errors'

/** The refusal in the reader's language, dates written out ("12 mars 2026"). */
export function refusalMessage(ctx: HttpContext, refusal: PostcardRefusal): string {
  const values = Object.fromEntries(
    Object.entries(refusal.values).map(([name, value]) => [
      name,
      value instanceof Date ? ctx.i18n.formatDate(value, { dateStyle: 'long' }) : value,
    ])
  )
  return ctx.i18n.t(`postcards.errors.${refusal.reason}`, values)
}
