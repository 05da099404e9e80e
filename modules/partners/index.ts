/**
 * Public API of the partners module (the plugin host). Other modules and
 * config/plugins.ts import only this file. Partner offers reach the feed
 * through the feed's source registry; nothing else of the app needs the
 * host directly. Kept light: config/plugins.ts imports it at boot.
 */
export {
  defaultPartnerSettings,
  definePartnersConfig,
  type PartnerPluginEntry,
  type PartnersConfig,
  type PartnersSettings,
} from '#modules/partners/services/settings'

/**
 * Back office dashboard: plugins that failed to load or whose breaker is
 * open. Imported lazily so that this file stays light.
 */
export async function pluginsNeedingAttention(): Promise<number> {
  const figures = await import('#modules/partners/queries/back_office_figures')
  return figures.pluginsNeedingAttention()
}
