import type { HttpContext } from '@adonisjs/core/http'
import { residentHome } from '#modules/neighbourhoods/queries/resident_home'
import { slugOf, townName } from '#modules/neighbourhoods/queries/neighbourhood_page'

/**
 * "My neighbourhood": where a signed-in resident lands. Not placed yet:
 * place your home. Placed outside every neighbourhood: draw yours.
 */
export default class HomeController {
  async show({ auth, response, view, session }: HttpContext) {
    const user = auth.getUserOrFail()
    const home = await residentHome(user.id)
    /** This page only redirects: keep the flash message for the next one. */
    session.reflash()
    if (!home) return response.redirect().toRoute('neighbourhoods.placement.show')
    if (home.neighbourhoodId) {
      const slug = await slugOf(home.neighbourhoodId)
      return response.redirect().toRoute('neighbourhoods.show', { slug: slug! })
    }
    if (home.townId) return response.redirect().toRoute('neighbourhoods.create')
    return view.render('neighbourhoods::pages/not_covered', {
      home,
      townName: home.townId ? await townName(home.townId) : null,
    })
  }
}
