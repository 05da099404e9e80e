import type { PluginDefinition } from './types.js'

/** Marks what definePlugin() returned, so the host and plugin:verify can tell a plugin from any object. */
const PLUGIN_BRAND = Symbol.for('@quartier/plugin-sdk/plugin')

/**
 * Declares a plugin. The definition is returned as given (typed), only
 * branded; the host validates the manifest and the config when it loads
 * the plugin (see `preparePlugin`).
 */
export function definePlugin<Config>(
  definition: PluginDefinition<Config>
): PluginDefinition<Config> {
  Object.defineProperty(definition, PLUGIN_BRAND, { value: true, enumerable: false })
  return definition
}

/** True for a value returned by definePlugin() (of this SDK or another copy of it). */
export function isPluginDefinition(value: unknown): value is PluginDefinition<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[PLUGIN_BRAND] === true &&
    typeof (value as PluginDefinition).setup === 'function'
  )
}
