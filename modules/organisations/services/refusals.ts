import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@vinejs/vine'
import type { VineValidator } from '@vinejs/vine'
import type { Infer, SchemaTypes } from '@vinejs/vine/types'
import { FormError } from '#app/forms/form_error'
import { pageRefusal } from '#app/forms/page_refusal'
import {
  OrganisationNotFoundError,
  OrganisationRefusal,
} from '#modules/organisations/services/errors'
import { messagesFor } from '#modules/organisations/services/messages'
import { pageNotFound } from '#app/http/page_not_found'

/**
 * Validates a form with the organisations' messages (then the shared
 * ones); on failure the page `view` comes back with a 422, the messages
 * beside their fields and what was typed.
 */
export async function validateOrgForm<Schema extends SchemaTypes>(
  ctx: HttpContext,
  validator: VineValidator<Schema, Record<string, any> | undefined>,
  page: () => Promise<{ view: string; state: Record<string, unknown> }>,
  data: unknown = ctx.request.all()
): Promise<Infer<Schema>> {
  try {
    return await validator.validate(data, { messagesProvider: messagesFor(ctx.i18n) })
  } catch (error) {
    if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
    const fieldErrors: Record<string, string[]> = {}
    for (const item of error.messages as { field: string; message: string }[]) {
      ;(fieldErrors[item.field] ??= []).push(item.message)
    }
    const { view, state } = await page()
    throw new FormError({ view, state, fieldErrors })
  }
}

/**
 * Turns what an action threw into what the person sees: a 404, or the
 * page again with the status and the message (beside its field when it
 * is about one). Anything else is returned unchanged, to be thrown.
 */
export async function organisationRefusal(
  ctx: HttpContext,
  error: unknown,
  page: () => Promise<{ view: string; state: Record<string, unknown> }>
): Promise<unknown> {
  if (error instanceof OrganisationNotFoundError) pageNotFound()
  if (error instanceof FormError) return error
  if (!(error instanceof OrganisationRefusal)) return error
  const { view, state } = await page()
  const message = ctx.i18n.t(`organisations.errors.${error.reason}`, error.values)
  return pageRefusal({
    view,
    state,
    status: error.status,
    ...(error.field ? { fieldErrors: { [error.field]: [message] } } : { message }),
  })
}
