import db from '@adonisjs/lucid/services/db'
import { partnerHost } from '#modules/partners/services/host'
import { townsForSwitches } from '#modules/partners/queries/switches'

/**
 * Everything the operator page shows: each loaded plugin with its
 * health (its own health() answer, remembered a minute), breaker state in
 * this process, statistics (this process's counts, health checks
 * included, flushed first so that the page is up to date) and cached
 * offers; the plugins that did not load and why; the towns with each
 * plugin's switch.
 */
export async function operatorPageState() {
  await partnerHost.ensureLoaded()
  const plugins = partnerHost.active()
  const healths = await Promise.all(plugins.map((plugin) => partnerHost.health(plugin.id)))
  await partnerHost.stats.flush()
  const [stats, cached, towns, switches] = await Promise.all([
    partnerHost.stats.read(),
    db.rawQuery<{ rows: { plugin_id: string; count: number }[] }>(
      `SELECT plugin_id, count(*) AS count FROM partner_offers
        WHERE expires_at > now() GROUP BY plugin_id`
    ),
    townsForSwitches(),
    db.rawQuery<{ rows: { plugin_id: string; town_id: number; enabled: boolean }[] }>(
      'SELECT plugin_id, town_id, enabled FROM partner_town_switches'
    ),
  ])
  const offers = new Map(cached.rows.map((row) => [row.plugin_id, Number(row.count)]))
  const off = new Set(
    switches.rows
      .filter((row) => !row.enabled)
      .map((row) => `${row.plugin_id}:${Number(row.town_id)}`)
  )
  return {
    plugins: plugins.map((plugin, index) => ({
      id: plugin.id,
      name: plugin.manifest.display.name,
      version: plugin.manifest.version,
      attribution: plugin.manifest.display.attribution,
      capabilities: plugin.manifest.capabilities,
      breaker: plugin.breaker.state,
      health: healths[index],
      stats: stats.get(plugin.id) ?? null,
      offers: offers.get(plugin.id) ?? 0,
    })),
    failures: partnerHost.failures(),
    towns: towns.map((town) => ({
      ...town,
      switches: plugins.map((plugin) => ({
        pluginId: plugin.id,
        name: plugin.manifest.display.name,
        enabled: !off.has(`${plugin.id}:${town.id}`),
      })),
    })),
  }
}
