import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { validateForm } from '#app/forms/validate_form'
import { neighbourhoodNames } from '#modules/neighbourhoods/index'
import ReplayDeadLetters from '#modules/alerts/actions/replay_dead_letters'
import { deadLetters } from '#modules/alerts/queries/dead_letters'
import { namesById } from '#modules/alerts/services/pages'
import type { Channel } from '#modules/alerts/services/settings'
import {
  deadLettersQueryValidator,
  replayValidator,
} from '#modules/alerts/validators/alert_validators'

const VIEW = 'alerts::pages/operators/dead_letters'

/**
 * Back office (operators only): deliveries that gave up after their last
 * try, or whose worker died while sending, with the last error; an
 * operator replays one or all of them once the provider is back.
 */
@inject()
export default class DeadLettersController {
  constructor(private replayer: ReplayDeadLetters) {}

  async index(ctx: HttpContext) {
    return ctx.view.render(VIEW, await this.pageState(ctx))
  }

  async replay(ctx: HttpContext) {
    const data = await validateForm(ctx, replayValidator, VIEW, await this.pageState(ctx))
    const ids = data.all ? 'all' : data.delivery_id ? [data.delivery_id] : []
    const count = ids === 'all' || ids.length > 0 ? await this.replayer.execute(ids) : 0
    ctx.session.flash(count > 0 ? 'success' : 'notice', {
      key: count > 0 ? 'alerts.flash.replayed' : 'alerts.flash.nothing_replayed',
      count,
    })
    return ctx.response.redirect().toRoute('operators.alerts.dead_letters.index')
  }

  /** The list, filtered by channel (an unknown one in the URL shows them all). */
  private async pageState(ctx: HttpContext) {
    let channel: Channel | undefined
    try {
      ;({ channel } = await ctx.request.validateUsing(deadLettersQueryValidator, {
        data: ctx.request.qs(),
      }))
    } catch {
      channel = undefined
    }
    const { letters, total } = await deadLetters({ channel })
    const [people, places] = await Promise.all([
      namesById(letters.map((letter) => letter.userId)),
      neighbourhoodNames(letters.map((letter) => letter.neighbourhoodId)),
    ])
    return {
      channel: channel ?? null,
      total,
      letters: letters.map((letter) => ({
        ...letter,
        recipient: people.get(letter.userId) ?? '-',
        neighbourhood: places.get(letter.neighbourhoodId)?.name ?? '-',
      })),
    }
  }
}
