import type { HttpContext } from '@adonisjs/core/http'

/** Placeholder until this way of verifying lands. */
export default class DocumentReviewsController {
  async index({ view }: HttpContext) {
    return view.render('verification::pages/operators/placeholder', { current: 'documents' })
  }
}
