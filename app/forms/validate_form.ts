import { errors } from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'
import type { VineValidator } from '@vinejs/vine'
import type { Infer, SchemaTypes } from '@vinejs/vine/types'
import { FormError } from '#app/forms/form_error'

/**
 * Validates a form post; on failure the page `view` is rendered again with
 * a 422 status and translated messages (see FormError).
 */
export async function validateForm<Schema extends SchemaTypes>(
  ctx: HttpContext,
  validator: VineValidator<Schema, Record<string, any> | undefined>,
  view: string,
  state: Record<string, unknown> = {}
): Promise<Infer<Schema>> {
  try {
    return await ctx.request.validateUsing(validator)
  } catch (error) {
    if (error instanceof errors.E_VALIDATION_ERROR) {
      const fieldErrors: Record<string, string[]> = {}
      for (const item of error.messages as { field: string; message: string }[]) {
        ;(fieldErrors[item.field] ??= []).push(item.message)
      }
      throw new FormError({ view, state, fieldErrors })
    }
    throw error
  }
}
