import type { HttpContext } from '@adonisjs/core/http'

/** Placeholder until this way of verifying lands. */
export default class PostcardBatchesController {
  async index({ view }: HttpContext) {
    return view.render('verification::pages/operators/placeholder', { current: 'postcards' })
  }
}
