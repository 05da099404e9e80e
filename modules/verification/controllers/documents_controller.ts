import { readFile } from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'
import { FormError } from '#app/forms/form_error'
import { pageRefusal } from '#app/forms/page_refusal'
import { validateForm } from '#app/forms/validate_form'
import SubmitDocument from '#modules/verification/actions/documents/submit_document'
import WithdrawDocument from '#modules/verification/actions/documents/withdraw_document'
import { VERIFY_VIEW, verifyPageState } from '#modules/verification/controllers/verify_controller'
import {
  DocumentRefusal,
  NothingToWithdrawError,
} from '#modules/verification/services/documents/errors'
import { documentSettings } from '#modules/verification/services/documents/settings'
import { removeUploadedTmpFiles } from '#modules/verification/services/documents/uploads'
import { documentUploadValidator } from '#modules/verification/validators/document_validators'

const BACK = '/verify#document'

/**
 * The resident's side of proof-of-address documents, on the "Verify my
 * address" page: send one (multipart form, field `document`), or take a
 * pending one back. A refusal renders that page again with the message
 * beside the file field; nothing is stored.
 */
export default class DocumentsController {
  async store(ctx: HttpContext) {
    const userId = Number(ctx.auth.getUserOrFail().id)
    try {
      const { document } = await validateForm(ctx, documentUploadValidator, VERIFY_VIEW)
      const upload = await readFile(document.tmpPath!)
      await new SubmitDocument().execute(userId, upload)
    } catch (error) {
      throw await this.refusal(ctx, userId, error)
    } finally {
      await removeUploadedTmpFiles(ctx)
    }
    ctx.session.flash('success', 'documents.flash.submitted')
    return ctx.response.redirect(BACK)
  }

  async withdraw(ctx: HttpContext) {
    const userId = Number(ctx.auth.getUserOrFail().id)
    try {
      await new WithdrawDocument().execute(userId)
    } catch (error) {
      if (error instanceof NothingToWithdrawError) {
        throw pageRefusal({
          view: VERIFY_VIEW,
          state: await verifyPageState(userId),
          status: 409,
          message: ctx.i18n.t('documents.errors.nothing_to_withdraw'),
        })
      }
      throw error
    }
    ctx.session.flash('success', 'documents.flash.withdrawn')
    return ctx.response.redirect(BACK)
  }

  /** The page state is only worked out when the page must be shown again. */
  private async refusal(ctx: HttpContext, userId: number, error: unknown): Promise<unknown> {
    if (error instanceof FormError) {
      /** Not enumerable: the state holds the resident's address, kept out of logs. */
      Object.defineProperty(error, 'state', {
        value: await verifyPageState(userId),
        enumerable: false,
      })
      return error
    }
    if (!(error instanceof DocumentRefusal)) return error
    const message = ctx.i18n.t(`documents.errors.${error.reason}`, {
      max: documentSettings.maxMb,
      megapixels: Math.round(documentSettings.maxInputPixels / 1_000_000),
    })
    return pageRefusal({
      view: VERIFY_VIEW,
      state: await verifyPageState(userId),
      status: error.status,
      ...(error.aboutTheFile ? { fieldErrors: { document: [message] } } : { message }),
    })
  }
}
