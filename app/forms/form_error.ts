/**
 * A form submission that cannot be accepted. The exception handler renders
 * the form's page again with the status (422 by default), the messages
 * beside their fields and what the person typed (never passwords), so
 * nothing is lost and nothing is written.
 */
export class FormError extends Error {
  status: number
  view: string
  state: Record<string, unknown>
  fieldErrors: Record<string, string[]>
  formMessage?: string

  constructor(options: {
    view: string
    state?: Record<string, unknown>
    fieldErrors?: Record<string, string[]>
    formMessage?: string
    status?: number
  }) {
    super(options.formMessage ?? 'Invalid form submission')
    this.view = options.view
    this.state = options.state ?? {}
    this.fieldErrors = options.fieldErrors ?? {}
    this.formMessage = options.formMessage
    this.status = options.status ?? 422
  }
}
