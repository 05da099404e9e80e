import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import neighbourhoodsConfig from '#config/neighbourhoods'
import { validateForm } from '#app/forms/validate_form'
import { accounts } from '#modules/accounts/index'
import PlaceHome from '#modules/neighbourhoods/actions/place_home'
import { Geocoder, GeocoderUnavailable } from '#modules/neighbourhoods/geocoding/geocoder'
import { residentHome } from '#modules/neighbourhoods/queries/resident_home'
import { boundariesAround } from '#modules/neighbourhoods/queries/neighbourhood_page'
import RecordInvitationJoin from '#modules/neighbourhoods/actions/invitations/record_invitation_join'
import { INVITATION_SESSION_KEY } from '#modules/neighbourhoods/services/invitations/codes'
import { placeHomeValidator } from '#modules/neighbourhoods/validators/placement_validators'

const VIEW = 'neighbourhoods::pages/place'

/**
 * Placing (or moving) one's home: the typed address is geocoded when the
 * geocoder answers; the map pin always works, even offline.
 */
@inject()
export default class PlacementController {
  constructor(
    private geocoder: Geocoder,
    private placeHome: PlaceHome,
    private recordJoin: RecordInvitationJoin
  ) {}

  private async state(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const home = await residentHome(user.id)
    const typed = ctx.request.input('q')
    const query =
      (typeof typed === 'string' && typed.trim()) ||
      home?.addressLabel ||
      (await accounts.homeAddressOf(user.id)) ||
      ''
    let candidates = null
    let geocoderDown = false
    if (query.trim().length >= 3) {
      try {
        candidates = await this.geocoder.search(query.trim(), { limit: 5 })
      } catch (error) {
        if (!(error instanceof GeocoderUnavailable)) throw error
        geocoderDown = true
      }
    }
    /** Neighbourhood outlines around the likely home: landmarks even without map tiles. */
    const center = home ?? candidates?.[0] ?? null
    return {
      home,
      query,
      candidates,
      others: center ? await boundariesAround(center, { radiusM: 1500 }) : null,
      geocoderDown,
      minScore: neighbourhoodsConfig.geocoder.minScore,
      map: neighbourhoodsConfig.map,
    }
  }

  async show(ctx: HttpContext) {
    return ctx.view.render(VIEW, await this.state(ctx))
  }

  async store(ctx: HttpContext) {
    const data = await validateForm(ctx, placeHomeValidator, VIEW, await this.state(ctx))
    const user = ctx.auth.getUserOrFail()
    const result = await this.placeHome.execute(user.id, {
      addressLabel: data.address_label,
      latitude: data.latitude,
      longitude: data.longitude,
      placement: data.placement,
      streetName: data.street ?? null,
    })
    /** Came through an invitation link or code: record who joined through it. */
    const code = ctx.session.get(INVITATION_SESSION_KEY)
    if (typeof code === 'string') {
      await this.recordJoin.execute(code, user.id)
      ctx.session.forget(INVITATION_SESSION_KEY)
    }
    ctx.session.flash('success', result.neighbourhoodId ? 'home_placed' : 'home_placed_uncovered')
    return ctx.response.redirect().toRoute('neighbourhoods.home')
  }
}
