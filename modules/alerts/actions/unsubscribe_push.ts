import db from '@adonisjs/lucid/services/db'

/** Forgets one of the resident's devices (by its endpoint, or by id from the device list). */
export default class UnsubscribePush {
  async execute(userId: number, device: { endpoint: string } | { id: number }): Promise<boolean> {
    const query = db.from('alert_push_subscriptions').where('user_id', userId)
    if ('endpoint' in device) query.where('endpoint', device.endpoint)
    else query.where('id', device.id)
    return Number(await query.delete()) > 0
  }
}
