import type { PluginDefinition } from '#sdk'

/** One plugin an installation loads (config/plugins.ts). */
export interface PartnerPluginEntry {
  /**
   * The plugin: its definition (definePlugin), or a function importing its
   * module (`() => import('#plugins/rdex_carpool/index')`, whose default
   * or `plugin` export is the definition).
   */
  plugin: PluginDefinition<any> | (() => Promise<unknown>)
  /** The raw config, validated by the plugin's own schema at boot. */
  config?: unknown
  /**
   * Environment variables this plugin may read through `ctx.secrets` (its
   * API keys). Any other name reads as undefined: a plugin never sees the
   * app's own secrets.
   */
  secrets?: string[]
}

export interface PartnersSettings {
  calls: {
    /** Host-side timeouts of each capability (the plugin's own HTTP has its own). */
    listTimeoutMs: number
    linkTimeoutMs: number
    healthTimeoutMs: number
    /** setup() must answer within this at boot, or the plugin stays off. */
    setupTimeoutMs: number
    /** Calls of one plugin running at once; more wait (at most maxWaiting of them). */
    concurrency: number
    maxWaiting: number
  }
  breaker: {
    /** Consecutive failures that open the circuit... */
    failureThreshold: number
    /** ...for this long, after which one trial call may close it again. */
    cooldownMs: number
  }
  http: {
    timeoutMs: number
    maxTimeoutMs: number
    maxResponseBytes: number
    maxRedirects: number
    maxRequestBytes: number
  }
  offers: {
    /** A cached offer is dropped after this, even if the partner said it lasts longer. */
    ttlMinutes: number
    /** offers.list asks for offers available between now and now + this. */
    windowHours: number
    /** How far beyond a neighbourhood's outline an offer still counts as "near". */
    marginMeters: number
    /** At most this many offers of one plugin per neighbourhood (the nearest). */
    perPluginPerNeighbourhood: number
  }
  refresh: {
    /** The refresh job's schedule. */
    cron: string
    /** Neighbourhoods refreshed per run (those with residents, least recently refreshed first). */
    maxNeighbourhoods: number
    /** Neighbourhoods asked at the same time. */
    parallelNeighbourhoods: number
  }
}

export const defaultPartnerSettings: PartnersSettings = {
  calls: {
    listTimeoutMs: 8000,
    linkTimeoutMs: 3000,
    healthTimeoutMs: 3000,
    setupTimeoutMs: 5000,
    concurrency: 4,
    maxWaiting: 50,
  },
  breaker: { failureThreshold: 5, cooldownMs: 5 * 60_000 },
  http: {
    timeoutMs: 5000,
    maxTimeoutMs: 10_000,
    maxResponseBytes: 2 * 1024 * 1024,
    maxRedirects: 3,
    maxRequestBytes: 64 * 1024,
  },
  offers: { ttlMinutes: 60, windowHours: 48, marginMeters: 500, perPluginPerNeighbourhood: 6 },
  refresh: { cron: '*/15 * * * *', maxNeighbourhoods: 500, parallelNeighbourhoods: 2 },
}

export interface PartnersConfig {
  plugins: PartnerPluginEntry[]
  settings: PartnersSettings
}

/** config/plugins.ts: the plugins to load and, optionally, settings other than the defaults. */
export function definePartnersConfig(config: {
  plugins: PartnerPluginEntry[]
  settings?: { [Key in keyof PartnersSettings]?: Partial<PartnersSettings[Key]> }
}): PartnersConfig {
  const given = config.settings ?? {}
  return {
    plugins: config.plugins,
    settings: {
      calls: { ...defaultPartnerSettings.calls, ...given.calls },
      breaker: { ...defaultPartnerSettings.breaker, ...given.breaker },
      http: { ...defaultPartnerSettings.http, ...given.http },
      offers: { ...defaultPartnerSettings.offers, ...given.offers },
      refresh: { ...defaultPartnerSettings.refresh, ...given.refresh },
    },
  }
}
