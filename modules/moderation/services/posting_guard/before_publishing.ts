import type { HttpContext } from '@adonisjs/core/http'
import { pageRefusal } from '#app/forms/page_refusal'
import { kindnessReminder, type FormPage } from '#modules/moderation/services/kindness/reminder'
import { PostingGuardError } from '#modules/moderation/services/posting_guard/errors'
import { guardPost } from '#modules/moderation/services/posting_guard/guard'
import type { PostKind } from '#modules/moderation/services/posting_guard/settings'

/**
 * What a publishing controller checks before calling its action, once
 * the form is valid: the new-resident limits (refused: the form again
 * with the message, and what was typed), then the kindness reminder.
 * The action still calls guardPost() and recordPost() in its
 * transaction: this check only spares the resident a lost form.
 */
export async function checkBeforePublishing(
  ctx: HttpContext,
  post: {
    userId: number
    kind: PostKind
    texts: readonly string[]
    page: FormPage
    /** An edit: links and kindness are checked, the post is not counted again. */
    edit?: boolean
  }
): Promise<void> {
  try {
    await guardPost(post.userId, { kind: post.kind, texts: post.texts, edit: post.edit })
  } catch (error) {
    if (!(error instanceof PostingGuardError)) throw error
    const { view, state } = await post.page()
    throw pageRefusal({ view, state, status: error.status, message: error.messageFor(ctx.i18n) })
  }
  await kindnessReminder(ctx, post.texts, post.page)
}
