import db from '@adonisjs/lucid/services/db'
import type { PersonalDataSection } from '#modules/privacy/index'
import { leaveGroupBuys } from '#modules/group_buys/services/departure'

/**
 * Group buys the resident organised and their pledges. Erasure cancels
 * what they organise that is still under way and withdraws their pledges
 * still being collected (services/departure.ts); the rest stays (totals
 * and order sheets still need them, "former resident"); the organiser's
 * street is forgotten.
 */
export const groupBuysPersonalData: PersonalDataSection = {
  name: 'group_buys',

  async export(userId: number) {
    const organised = await db
      .from('group_buys')
      .where('organiser_id', userId)
      .orderBy('id')
      .select(
        'title',
        'product',
        'description',
        'unit',
        'supplier_name',
        'supplier_contact',
        'place_label',
        'status',
        'created_at'
      )
    const pledges = await db
      .from('group_buy_pledges as p')
      .join('group_buys as g', 'g.id', 'p.group_buy_id')
      .where('p.user_id', userId)
      .orderBy('p.id')
      .select(
        'g.title as group_buy',
        'g.unit',
        'p.quantity_milli',
        'p.cancelled_at',
        'p.created_at'
      )
    return {
      organised,
      pledges: pledges.map((pledge) => ({
        groupBuy: pledge.group_buy,
        quantity: Number(pledge.quantity_milli) / 1000,
        unit: pledge.unit,
        cancelledAt: pledge.cancelled_at,
        createdAt: pledge.created_at,
      })),
    }
  },

  async erase(userId: number, trx) {
    await leaveGroupBuys(userId, trx)
    await trx.from('group_buys').where('organiser_id', userId).update({ organiser_street: null })
  },
}
