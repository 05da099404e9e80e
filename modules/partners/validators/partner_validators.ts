import vine from '@vinejs/vine'
import { partnerHost } from '#modules/partners/services/host'

/** An operator turns one plugin on or off in one town (the operator page's forms). */
export const switchValidator = vine.create({
  plugin: vine.enum(() => partnerHost.activeIds()),
  town_id: vine.number().withoutDecimals().positive().exists({ table: 'towns', column: 'id' }),
  state: vine.enum(['on', 'off'] as const),
})
