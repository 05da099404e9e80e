import type { HttpContext } from '@adonisjs/core/http'
import { moderatedNeighbourhoodIds, residentHome } from '#modules/neighbourhoods/index'
import { cooptationPanel } from '#modules/verification/queries/cooptation_panel'
import { documentPanel } from '#modules/verification/queries/document_panel'
import { postcardPanel } from '#modules/verification/queries/postcard_panel'
import { standingVerification } from '#modules/verification/queries/standing_verification'

export const VERIFY_VIEW = 'verification::pages/verify'

/**
 * "Verify my address": the three ways side by side with the resident's
 * state in each and the next step; once verified, how and since when.
 * Each method's column is filled by its own query (postcard, co-optation,
 * document), so that a refused form can render this page again.
 */
export async function verifyPageState(userId: number) {
  const home = await residentHome(userId)
  /** Moderators find the documents waiting for them from here. */
  const moderated = await moderatedNeighbourhoodIds(userId)
  const moderates = moderated.length > 0
  if (!home) return { home: null, verification: null, panels: null, moderates }
  const verification = home.verifiedAt ? await standingVerification(userId) : null
  const postcard = await postcardPanel(userId, home)
  const cooptation = await cooptationPanel(userId, home)
  const document = await documentPanel(userId, home)
  return { home, verification, panels: { postcard, cooptation, document }, moderates }
}

export default class VerifyController {
  async show({ auth, view }: HttpContext) {
    return view.render(VERIFY_VIEW, await verifyPageState(Number(auth.getUserOrFail().id)))
  }
}
