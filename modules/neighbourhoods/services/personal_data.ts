import db from '@adonisjs/lucid/services/db'
import type { PersonalDataSection } from '#modules/privacy/index'

/**
 * Where the resident lives and what they did for their neighbourhood.
 * Invitations are exported without their recipients (other people's
 * e-mails and phones). Erasure deletes the home, the invitations they
 * sent (with the recipients' addresses), their roles, applications and
 * kit orders (delivery address).
 */
export const neighbourhoodsPersonalData: PersonalDataSection = {
  name: 'neighbourhoods',

  async export(userId: number) {
    const home = await db
      .from('residents as r')
      .leftJoin('neighbourhoods as n', 'n.id', 'r.neighbourhood_id')
      .leftJoin('towns as t', 't.id', 'r.town_id')
      .where('r.user_id', userId)
      .select(
        'r.address_label',
        'r.street_name',
        'r.placement',
        'r.placed_at',
        'r.verified_at',
        'n.name as neighbourhood',
        't.name as town',
        db.raw('ST_Y(r.home_point) AS latitude'),
        db.raw('ST_X(r.home_point) AS longitude')
      )
      .first()
    const roles = await db
      .from('neighbourhood_roles as nr')
      .join('neighbourhoods as n', 'n.id', 'nr.neighbourhood_id')
      .where('nr.user_id', userId)
      .select('n.name as neighbourhood', 'nr.role', 'nr.created_at')
    const invitations = await db
      .from('invitations')
      .where('inviter_id', userId)
      .orderBy('id')
      .select('channel', 'audience', 'message', 'sent_at', 'created_at')
    const applications = await db
      .from('ambassador_applications')
      .where('user_id', userId)
      .orderBy('id')
      .select('motivation', 'availability', 'status', 'decision_note', 'created_at')
    const kitOrders = await db
      .from('kit_orders')
      .where('user_id', userId)
      .orderBy('id')
      .select(
        'flyers',
        'stickers',
        'posters',
        'delivery_name',
        'delivery_street',
        'delivery_postcode',
        'delivery_town',
        'delivery_note',
        'status',
        'created_at'
      )
    return { home: home ?? null, roles, invitations, applications, kitOrders }
  },

  async erase(userId: number, trx) {
    await trx.from('invitation_joins').where('user_id', userId).delete()
    await trx.from('invitations').where('inviter_id', userId).delete()
    await trx.from('neighbourhood_roles').where('user_id', userId).delete()
    await trx.from('ambassador_applications').where('user_id', userId).delete()
    await trx.from('kit_orders').where('user_id', userId).delete()
    await trx.from('residents').where('user_id', userId).delete()
  },
}
