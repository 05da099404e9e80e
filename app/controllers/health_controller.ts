import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'

export default class HealthController {
  /** Liveness: the process answers. */
  async live({ response }: HttpContext) {
    return response.ok({ status: 'ok' })
  }

  /** Readiness: the database answers too. */
  async ready({ response }: HttpContext) {
    try {
      await db.rawQuery('select 1')
      return response.ok({ status: 'ok', database: 'ok' })
    } catch {
      return response.serviceUnavailable({ status: 'unavailable', database: 'down' })
    }
  }
}
