import logger from '@adonisjs/core/services/logger'
import type { HostContext, PluginLogger, PluginManifest } from '#sdk'
import { PluginMemoryCache } from '#modules/partners/services/plugin_cache'
import { guardedHttp } from '#modules/partners/services/http/guarded_http'
import type { Resolver } from '#modules/partners/services/http/resolver'
import type { PartnersSettings } from '#modules/partners/services/settings'

/** Log lines of a plugin, under its name; long messages are cut. */
function pluginLogger(pluginId: string): PluginLogger {
  const child = logger.child({ plugin: pluginId })
  const line = (message: unknown) => String(message).slice(0, 1000)
  const details = (value: object | undefined) => (value && typeof value === 'object' ? value : {})
  return {
    debug: (message, extra) => child.debug(details(extra), line(message)),
    info: (message, extra) => child.info(details(extra), line(message)),
    warn: (message, extra) => child.warn(details(extra), line(message)),
    error: (message, extra) => child.error(details(extra), line(message)),
  }
}

/**
 * Everything a plugin's setup() receives, and nothing else of the app:
 * fetch limited to its resolved network rules (public addresses only,
 * timeouts, size cap), a logger named for it, its own in-memory cache,
 * the host's clock, its validated config, and the environment variables
 * the installation granted it.
 */
export function hostContext<Config>(options: {
  manifest: PluginManifest
  config: Config
  secrets: readonly string[]
  settings: PartnersSettings
  resolver: () => Resolver
  now: () => number
}): HostContext<Config> {
  const { manifest } = options
  const log = pluginLogger(manifest.id)
  const granted = new Set(options.secrets)
  return {
    http: guardedHttp({
      rules: manifest.network,
      /** Read at each request, so that tests can swap the resolver after loading. */
      resolver: (hostname) => options.resolver()(hostname),
      ...options.settings.http,
      userAgent: `Quartier-partners/1.0 (${manifest.id}/${manifest.version})`,
      onRefusal: (error, url) =>
        log.warn('request refused by the host', { code: error.code, url, reason: error.message }),
    }),
    logger: log,
    cache: new PluginMemoryCache(options.now),
    clock: { now: () => new Date(options.now()) },
    config: options.config,
    secrets: {
      get: (name: string) => (granted.has(name) ? process.env[name] : undefined),
    },
  }
}
