import { errors as vineErrors } from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'
import { validateForm } from '#app/forms/validate_form'
import FileReport from '#modules/moderation/actions/file_report'
import { tellAuthor } from '#modules/moderation/services/notify'
import { moderationRefusal, viewerId } from '#modules/moderation/services/pages'
import { reportableOf } from '#modules/moderation/services/reportables'
import {
  reportFormQueryValidator,
  reportValidator,
} from '#modules/moderation/validators/moderation_validators'
import { pageNotFound } from '#app/http/page_not_found'

const FORM_VIEW = 'moderation::pages/report_form'

/**
 * Residents report what they can see: the form sits on every reportable
 * piece of content (moderation::components/report_button); a refused
 * report comes back on the form's own page.
 */
export default class ReportsController {
  async create(ctx: HttpContext) {
    let query: { kind: string; id: number }
    try {
      query = await reportFormQueryValidator.validate(ctx.request.qs())
    } catch (error) {
      if (error instanceof vineErrors.E_VALIDATION_ERROR) pageNotFound()
      throw error
    }
    const content = await reportableOf(query.kind)?.locate(query.id, viewerId(ctx))
    if (!content) pageNotFound()
    return ctx.view.render(FORM_VIEW, { kind: query.kind, id: query.id, back: content!.path })
  }

  async store(ctx: HttpContext) {
    const userId = viewerId(ctx)
    const formState = async () => {
      const kind = String(ctx.request.input('kind', ''))
      const id = Number(ctx.request.input('id'))
      const content = Number.isSafeInteger(id) ? await reportableOf(kind)?.locate(id, userId) : null
      if (!content) pageNotFound()
      return { view: FORM_VIEW, state: { kind, id, back: content!.path } }
    }
    const page = await formState()
    const input = await validateForm(ctx, reportValidator, FORM_VIEW, page.state)
    try {
      const outcome = await new FileReport().execute({
        reporterId: userId,
        kind: input.kind,
        contentId: input.id,
        reason: input.report_reason,
        note: input.report_note ?? null,
      })
      if (outcome.hidden) {
        /** The mail says why in the author's own language (no reason to pass). */
        await tellAuthor(outcome.content.authorId, { action: 'auto_hide', reason: '' })
      }
      ctx.session.flash('success', 'moderation.flash.reported')
      return ctx.response.redirect(outcome.hidden ? '/' : outcome.content.path)
    } catch (error) {
      throw await moderationRefusal(ctx, error, async () => page)
    }
  }
}
