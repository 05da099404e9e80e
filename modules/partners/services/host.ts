import logger from '@adonisjs/core/services/logger'
import {
  ConfigError,
  ManifestError,
  NotSupported,
  OFFER_LIMITS,
  isPluginDefinition,
  isSafeHttpsUrl,
  mergeOffers,
  preparePlugin,
  validateOffers,
  type Capability,
  type HealthReport,
  type MergedOffer,
  type PartnerOffer,
  type PluginCapabilities,
  type PluginDefinition,
  type PluginManifest,
  type SearchArea,
  type TimeWindow,
} from '#sdk'
import { CallStats } from '#modules/partners/services/call_stats'
import { CircuitBreaker } from '#modules/partners/services/circuit_breaker'
import { ConcurrencyLimit, TooBusyError } from '#modules/partners/services/concurrency_limit'
import { offerDistance } from '#modules/partners/services/geo'
import { hostContext } from '#modules/partners/services/host_context'
import { systemResolver, type Resolver } from '#modules/partners/services/http/resolver'
import {
  defaultPartnerSettings,
  type PartnerPluginEntry,
  type PartnersSettings,
} from '#modules/partners/services/settings'

/** A plugin that loaded: its resolved manifest and what setup() returned. */
export interface LoadedPlugin {
  id: string
  manifest: PluginManifest
  capabilities: PluginCapabilities
  breaker: CircuitBreaker
  limit: ConcurrencyLimit
}

/** A plugin that did not load, and why (shown on the operator page). */
export interface PluginLoadFailure {
  /** The plugin's id when it got that far, else its place in config/plugins.ts. */
  label: string
  error: string
}

/** The call was not made: the breaker is open or the plugin has too many calls waiting. */
export class PluginUnavailableError extends Error {
  constructor(
    readonly pluginId: string,
    readonly reason: 'circuit_open' | 'busy' | 'not_loaded'
  ) {
    super(`plugin "${pluginId}" unavailable: ${reason}`)
    this.name = 'PluginUnavailableError'
  }
}

/** A plugin answered outside its contract (a non-https link, too many offers...). */
export class PluginOutputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PluginOutputError'
  }
}

export class PluginTimeoutError extends Error {
  constructor(capability: string, ms: number) {
    super(`${capability}: no answer within ${Math.round(ms)} ms`)
    this.name = 'PluginTimeoutError'
  }
}

/** One plugin's offers for an area, ready to cache (nearest first). */
export interface AreaOffers {
  pluginId: string
  /** False when the call failed: its cached offers are left to expire, not replaced. */
  ok: boolean
  offers: (MergedOffer & { distanceMeters: number })[]
}

function isNotSupported(error: unknown) {
  return error instanceof NotSupported || (error as Error | undefined)?.name === 'NotSupported'
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500)
  return String(error).slice(0, 500)
}

/** No field of a valid offer is longer than this many UTF-16 units (2 per character at most). */
const LONGEST_FIELD = 2 * OFFER_LIMITS.urlLength

function hasOversizedText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.length > LONGEST_FIELD
  if (depth > 3 || typeof value !== 'object' || value === null) return false
  return Object.values(value).some((child) => hasOversizedText(child, depth + 1))
}

/**
 * Drops offers carrying a text far beyond any limit before the field by
 * field validation, which would otherwise spend its time (and memory)
 * measuring a 50 MB title character by character. Lists too long to be
 * accepted are left whole for validateOffers to refuse.
 */
function withoutOversized(answer: unknown): { kept: unknown; dropped: number } {
  if (!Array.isArray(answer) || answer.length > OFFER_LIMITS.offersPerCall) {
    return { kept: answer, dropped: 0 }
  }
  const kept = answer.filter((offer) => !hasOversizedText(offer))
  return { kept, dropped: answer.length - kept.length }
}

const CAPABILITY_PORTS: Record<Capability, (capabilities: PluginCapabilities) => boolean> = {
  'offers.list': (capabilities) => typeof capabilities.offers?.list === 'function',
  'booking.link': (capabilities) => typeof capabilities.booking?.link === 'function',
  'health': (capabilities) => typeof capabilities.health === 'function',
}

async function definitionOf(entry: PartnerPluginEntry): Promise<PluginDefinition<unknown>> {
  if (isPluginDefinition(entry.plugin)) return entry.plugin
  const loaded: any =
    typeof entry.plugin === 'function'
      ? await (entry.plugin as () => Promise<unknown>)()
      : entry.plugin
  for (const candidate of [loaded, loaded?.default, loaded?.plugin]) {
    if (isPluginDefinition(candidate)) return candidate
  }
  throw new Error('the module exports no definePlugin() definition (default or `plugin` export)')
}

/**
 * The plugin host: loads the plugins of config/plugins.ts (manifest and
 * config validated with the SDK's preparePlugin, duplicate ids refused,
 * setup() given only its host context) and wraps every call: circuit
 * breaker, concurrency limit, timeout, validation and caps of what comes
 * back, statistics. A plugin that fails to load stays off with its error;
 * the app starts anyway. State (breakers, loaded plugins, counters not yet
 * flushed) is per process.
 */
export class PartnerHost {
  readonly stats = new CallStats()
  private plugins = new Map<string, LoadedPlugin>()
  private loadFailures: PluginLoadFailure[] = []
  private healthCache = new Map<string, { report: HealthReport; at: number }>()
  private loading: Promise<void> | null = null
  private resolver: Resolver = systemResolver
  private clock: () => number = Date.now
  settings: PartnersSettings = defaultPartnerSettings

  now(): number {
    return this.clock()
  }

  /** Tests: a resolver mapping names to chosen addresses, a clock they move, other settings. */
  configure(options: {
    resolver?: Resolver
    clock?: () => number
    settings?: PartnersSettings
  }): void {
    if (options.resolver) this.resolver = options.resolver
    if (options.clock) this.clock = options.clock
    if (options.settings) this.settings = options.settings
  }

  /** Back to no plugin, the system resolver, the real clock and the default settings. */
  reset(): void {
    this.plugins.clear()
    this.loadFailures = []
    this.healthCache.clear()
    this.stats.clear()
    this.resolver = systemResolver
    this.clock = Date.now
    this.settings = defaultPartnerSettings
    this.loading = Promise.resolve()
  }

  /** Loads config/plugins.ts once per process (the web process at start, the worker on first use). */
  ensureLoaded(): Promise<void> {
    this.loading ??= (async () => {
      const { default: config } = await import('#config/plugins')
      this.settings = config.settings
      await this.load(config.plugins)
    })().catch((error) => {
      logger.error({ err: error }, 'partner plugins: config/plugins.ts could not be read')
    })
    return this.loading
  }

  /**
   * Replaces the loaded plugins with these. Never throws: a plugin whose
   * module, manifest, config or setup() fails is left out with an error
   * naming it (and the field, for manifest and config errors).
   */
  async load(entries: readonly PartnerPluginEntry[]): Promise<void> {
    this.plugins.clear()
    this.loadFailures = []
    this.healthCache.clear()
    this.loading = Promise.resolve()
    const prepared = await Promise.all(
      entries.map(async (entry, index) => {
        try {
          const definition = await definitionOf(entry)
          const { manifest, config } = await preparePlugin(definition, entry.config ?? {})
          return { index, entry, definition, manifest, config }
        } catch (error) {
          const label =
            error instanceof ManifestError || error instanceof ConfigError
              ? error.pluginId
              : `config/plugins.ts #${index + 1}`
          this.fail(label, error)
          return null
        }
      })
    )
    const ids = new Set<string>()
    const accepted = prepared.filter((item): item is NonNullable<typeof item> => {
      if (!item) return false
      if (ids.has(item.manifest.id)) {
        this.fail(
          item.manifest.id,
          new Error(`Plugin "${item.manifest.id}": duplicate id, refused`)
        )
        return false
      }
      ids.add(item.manifest.id)
      return true
    })
    await Promise.all(
      accepted.map(async ({ definition, manifest, config, entry }) => {
        try {
          const context = hostContext({
            manifest,
            config,
            secrets: entry.secrets ?? [],
            settings: this.settings,
            resolver: () => this.resolver,
            now: () => this.now(),
          })
          const capabilities = await this.withTimeout(
            Promise.resolve().then(() => definition.setup(context)),
            this.settings.calls.setupTimeoutMs,
            'setup'
          )
          const missing = manifest.capabilities.filter(
            (capability) => !CAPABILITY_PORTS[capability](capabilities ?? {})
          )
          if (missing.length > 0) {
            throw new Error(`setup() did not return the declared ${missing.join(', ')}`)
          }
          this.plugins.set(manifest.id, {
            id: manifest.id,
            manifest,
            capabilities,
            breaker: new CircuitBreaker(this.settings.breaker, () => this.now()),
            limit: new ConcurrencyLimit(
              this.settings.calls.concurrency,
              this.settings.calls.maxWaiting
            ),
          })
          logger.info({ plugin: manifest.id, version: manifest.version }, 'partner plugin loaded')
        } catch (error) {
          this.fail(manifest.id, error)
        }
      })
    )
  }

  private fail(label: string, error: unknown) {
    const message = describe(error)
    this.loadFailures.push({ label, error: message })
    logger.error({ plugin: label, err: error }, `partner plugin not loaded: ${message}`)
  }

  active(): LoadedPlugin[] {
    return [...this.plugins.values()]
  }

  activeIds(): string[] {
    return [...this.plugins.keys()]
  }

  plugin(id: string): LoadedPlugin | undefined {
    return this.plugins.get(id)
  }

  failures(): PluginLoadFailure[] {
    return [...this.loadFailures]
  }

  private withTimeout<T>(promise: Promise<T>, ms: number, capability: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    /** A late failure after the timeout must not become an unhandled rejection. */
    promise.catch(() => {})
    return Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PluginTimeoutError(capability, ms)), Math.max(1, ms))
      }),
    ]).finally(() => clearTimeout(timer))
  }

  /**
   * Runs one call of a plugin: refused at once while its breaker is open,
   * then queued behind its concurrency limit, then given what is left of
   * `timeoutMs`. Failures and timeouts count against the breaker;
   * NotSupported is an answer, not a failure.
   */
  async call<T>(
    plugin: LoadedPlugin,
    capability: Capability,
    run: () => Promise<T>,
    timeoutMs: number
  ): Promise<T> {
    const at = () => new Date(this.now())
    if (!plugin.breaker.tryAcquire()) {
      this.stats.rejected(plugin.id, at(), `${capability}: circuit open`)
      throw new PluginUnavailableError(plugin.id, 'circuit_open')
    }
    const started = performance.now()
    let release: () => void
    try {
      release = await plugin.limit.acquire(timeoutMs)
    } catch (error) {
      plugin.breaker.cancelTrial()
      if (!(error instanceof TooBusyError)) throw error
      this.stats.rejected(plugin.id, at(), `${capability}: ${error.message}`)
      throw new PluginUnavailableError(plugin.id, 'busy')
    }
    try {
      const left = timeoutMs - (performance.now() - started)
      const result = await this.withTimeout(Promise.resolve().then(run), left, capability)
      plugin.breaker.succeeded()
      this.stats.success(plugin.id, performance.now() - started, at())
      return result
    } catch (error) {
      if (isNotSupported(error)) {
        plugin.breaker.neutral()
        this.stats.success(plugin.id, performance.now() - started, at())
        throw error
      }
      plugin.breaker.failed()
      const timedOut = error instanceof PluginTimeoutError
      this.stats.failure(
        plugin.id,
        performance.now() - started,
        at(),
        `${capability}: ${describe(error)}`,
        timedOut
      )
      logger.warn({ plugin: plugin.id, capability, err: error }, 'partner plugin call failed')
      throw error
    } finally {
      release()
    }
  }

  /**
   * offers.list of the given plugins, all in parallel, for one area: each
   * answer validated (the SDK's validateOffers: at most 200 offers, every
   * field checked; invalid ones dropped and counted), offers outside the
   * area dropped (a partner may answer for its whole city), the nearest
   * `perPluginPerNeighbourhood` kept. A plugin that fails, times out or is
   * unavailable comes back with ok: false.
   */
  async listOffers(
    area: SearchArea,
    window: TimeWindow,
    pluginIds: readonly string[]
  ): Promise<AreaOffers[]> {
    const { listTimeoutMs } = this.settings.calls
    const perPlugin = this.settings.offers.perPluginPerNeighbourhood
    return Promise.all(
      pluginIds.map(async (pluginId): Promise<AreaOffers> => {
        const plugin = this.plugins.get(pluginId)
        const list = plugin?.capabilities.offers?.list
        if (!plugin || !list || !plugin.manifest.capabilities.includes('offers.list')) {
          return { pluginId, ok: false, offers: [] }
        }
        try {
          const offers = await this.call(
            plugin,
            'offers.list',
            async () => {
              /** Copies: a plugin that mutates its arguments cannot touch the others'. */
              const answer = await list.call(plugin.capabilities.offers, structuredClone(area), {
                from: new Date(window.from),
                until: new Date(window.until),
              })
              if (Array.isArray(answer) && answer.length > OFFER_LIMITS.offersPerCall) {
                this.stats.invalidOffers(plugin.id, answer.length)
              }
              /** Too many or not a list: the whole answer is refused (an OfferError). */
              const { kept, dropped } = withoutOversized(answer)
              this.stats.invalidOffers(plugin.id, dropped)
              const checked = validateOffers(kept, {
                now: new Date(this.now()),
                kinds: plugin.manifest.offerKinds,
              })
              this.stats.invalidOffers(plugin.id, checked.rejected.length)
              if (checked.rejected.length > 0) {
                logger.warn(
                  { plugin: plugin.id, rejected: checked.rejected.slice(0, 5) },
                  `partner plugin: ${checked.rejected.length} invalid offers dropped`
                )
              }
              return checked.offers
            },
            listTimeoutMs
          )
          const near = offers
            .map((offer) => ({ offer, distance: offerDistance(offer, area) }))
            .filter((entry): entry is { offer: PartnerOffer; distance: number } => {
              return entry.distance !== null
            })
            .sort((a, b) => a.distance - b.distance)
          const kept = near.slice(0, perPlugin)
          const distances = new Map(kept.map((entry) => [entry.offer.id, entry.distance]))
          const merged = mergeOffers([{ pluginId, offers: kept.map((entry) => entry.offer) }], {
            now: new Date(this.now()),
          })
          return {
            pluginId,
            ok: true,
            offers: merged.map((offer) => ({
              ...offer,
              distanceMeters: distances.get(offer.id) ?? 0,
            })),
          }
        } catch {
          return { pluginId, ok: false, offers: [] }
        }
      })
    )
  }

  /**
   * Where to send a resident for an offer: its plugin's booking.link
   * answer when it has the capability, answers in time and answers an
   * https URL (anything else counts as a failure); otherwise the offer's
   * own deep link (checked https when cached), or null if even that is
   * not a safe link.
   */
  async bookingLink(
    pluginId: string,
    offer: PartnerOffer
  ): Promise<{ url: string; via: 'booking' | 'offer' } | null> {
    const plugin = this.plugins.get(pluginId)
    const link = plugin?.capabilities.booking?.link
    if (plugin && link && plugin.manifest.capabilities.includes('booking.link')) {
      try {
        const url = await this.call(
          plugin,
          'booking.link',
          async () => {
            const answer = await link.call(plugin.capabilities.booking, offer)
            if (!isSafeHttpsUrl(answer)) {
              throw new PluginOutputError('booking.link answered something other than an https URL')
            }
            return answer
          },
          this.settings.calls.linkTimeoutMs
        )
        return { url, via: 'booking' }
      } catch {
        /** NotSupported, a failure or a refused link: the offer's own link instead. */
      }
    }
    return isSafeHttpsUrl(offer.deepLink) ? { url: offer.deepLink, via: 'offer' } : null
  }

  /**
   * A plugin's health() (when it declares it), remembered for a minute so
   * the operator page does not call partners at every load. Null when the
   * plugin has no health capability.
   */
  async health(pluginId: string): Promise<HealthReport | null> {
    const plugin = this.plugins.get(pluginId)
    const health = plugin?.capabilities.health
    if (!plugin || !health || !plugin.manifest.capabilities.includes('health')) return null
    const cached = this.healthCache.get(pluginId)
    if (cached && this.now() - cached.at < 60_000) return cached.report
    let report: HealthReport
    try {
      const answer = await this.call(
        plugin,
        'health',
        () => health.call(plugin.capabilities),
        this.settings.calls.healthTimeoutMs
      )
      report = {
        ok: answer?.ok === true,
        detail: typeof answer?.detail === 'string' ? answer.detail.slice(0, 200) : undefined,
      }
    } catch (error) {
      report = { ok: false, detail: describe(error).slice(0, 200) }
    }
    this.healthCache.set(pluginId, { report, at: this.now() })
    return report
  }
}

/** The process's host (the provider loads config/plugins.ts into it). */
export const partnerHost = new PartnerHost()
