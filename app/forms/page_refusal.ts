import { FormError } from '#app/forms/form_error'

/**
 * A refusal shown as the page again with a translated message (and the
 * status), like a refused form. The page state stays out of the logs a
 * 5xx would write (it may hold addresses).
 */
export function pageRefusal(options: {
  view: string
  state: Record<string, unknown>
  status: number
  message?: string
  fieldErrors?: Record<string, string[]>
}): FormError {
  const error = new FormError({
    view: options.view,
    state: options.state,
    status: options.status,
    formMessage: options.message,
    fieldErrors: options.fieldErrors,
  })
  Object.defineProperty(error, 'state', { enumerable: false })
  return error
}
