import type { HttpContext } from '@adonisjs/core/http'
import { pageRefusal } from '#app/forms/page_refusal'
import { kindnessCheck } from '#modules/moderation/services/kindness/check'

export type FormPage = () => Promise<{ view: string; state: Record<string, unknown> }>

/** The resident saw the reminder and chose "Publish anyway". */
export function kindnessConfirmed(ctx: HttpContext): boolean {
  return String(ctx.request.input('kindness_confirmed') ?? '') === '1'
}

/**
 * Before publishing: text that may hurt comes back on its form (422)
 * with the kindness reminder (moderation::components/kindness_reminder,
 * shown where the form includes it) and everything typed still there;
 * "Publish anyway" sends it again confirmed, and it goes through.
 */
export async function kindnessReminder(
  ctx: HttpContext,
  texts: readonly string[],
  page: FormPage
): Promise<void> {
  if (kindnessConfirmed(ctx)) return
  const { flagged, words } = kindnessCheck(texts)
  if (!flagged) return
  const { view, state } = await page()
  /** Shared, not passed: the component sits inside the module's own form. */
  ctx.view.share({ kindnessReminder: { words } })
  throw pageRefusal({ view, state, status: 422 })
}
