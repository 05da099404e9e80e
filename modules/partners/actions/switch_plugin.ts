import db from '@adonisjs/lucid/services/db'

/**
 * Records an operator's choice for one plugin in one town. Plugins are on
 * unless switched off, so "on" is stored too (the page shows who chose
 * what); the feed and the refresh job read it at once.
 */
export default class SwitchPlugin {
  async execute(input: {
    pluginId: string
    townId: number
    enabled: boolean
    operatorId: number
  }): Promise<void> {
    await db.rawQuery(
      `INSERT INTO partner_town_switches (plugin_id, town_id, enabled, changed_by_id, updated_at)
       VALUES (?, ?, ?, ?, now())
       ON CONFLICT (plugin_id, town_id) DO UPDATE SET
         enabled = excluded.enabled, changed_by_id = excluded.changed_by_id, updated_at = now()`,
      [input.pluginId, input.townId, input.enabled, input.operatorId]
    )
  }
}
