/**
 * The contract between Quartier and a partner plugin. A plugin sees only
 * these types and the host context it is given; nothing of the app.
 */

/** Bumped on breaking changes; a plugin's manifest.apiVersion must match its major. */
export const SDK_API_VERSION = '1.0.0'

export type OfferKind = 'ride' | 'car' | 'storage' | 'other'

export type Capability = 'offers.list' | 'booking.link' | 'health'

export type HttpMethod = 'GET' | 'POST' | 'HEAD'

export interface NetworkRule {
  /**
   * URL pattern the plugin may call, e.g. 'https://api.example.org/rdex/*'.
   * The origin (scheme, host, port) matches exactly; '*' matches any run of
   * characters in the path and query. A pattern may start with a placeholder
   * '{config.<key>}' naming a config field (an https URL, or a list of them)
   * for adapters whose partner URL is chosen by the operator; the host
   * resolves it with `resolveManifest(manifest, config)`.
   */
  url: string
  methods: HttpMethod[]
}

export interface PluginManifest {
  /** Lowercase letters, digits and '_' ('rdex_carpool'); unique among plugins. */
  id: string
  /** Semver of the plugin. */
  version: string
  /** The SDK major the plugin was written against ('1.0.0'). */
  apiVersion: string
  capabilities: Capability[]
  network: NetworkRule[]
  display: {
    name: string
    /** https URL or a path to an image shipped with the plugin. */
    logo?: string
    /** Shown under each card: "Offer from Covoit'Breizh". */
    attribution: string
  }
  offerKinds: OfferKind[]
}

export interface GeoPoint {
  latitude: number
  longitude: number
}

/** Where the offers are wanted: a neighbourhood's centre and radius, with its bounding box. */
export interface SearchArea {
  center: GeoPoint
  radiusMeters: number
  /** [minLongitude, minLatitude, maxLongitude, maxLatitude] */
  bbox: [number, number, number, number]
  /** Town name and INSEE code when known (some partner APIs search by town). */
  town?: { name: string; code: string | null }
}

export interface TimeWindow {
  from: Date
  until: Date
}

export interface PartnerOffer {
  /** Stable id within the plugin (the host prefixes it with the plugin id). */
  id: string
  kind: OfferKind
  title: string
  description?: string
  /** Shown as written ("3 € / h", "free"); never charged through Quartier. */
  priceText?: string
  /** A point (pickup, station, storage address) or an area. */
  location: { point: GeoPoint; label?: string } | { area: SearchArea['bbox']; label?: string }
  availability?: { from?: Date; until?: Date }
  /** https only; the host sends residents there through its own redirect. */
  deepLink: string
  imageUrl?: string
  attribution: string
  /** After this the offer is dropped from caches and the feed. */
  expiresAt: Date
  /** Rides: where to. */
  destination?: { point: GeoPoint; label?: string }
}

/** Thrown by an optional capability the plugin does not support for this input. */
export class NotSupported extends Error {
  constructor(message = 'not supported') {
    super(message)
    this.name = 'NotSupported'
  }
}

/** Fetch limited to the manifest's network rules (the host enforces it). */
export interface PluginHttp {
  fetch(
    url: string,
    init?: {
      method?: HttpMethod
      headers?: Record<string, string>
      body?: string
      /** Default and maximum set by the host. */
      timeoutMs?: number
    }
  ): Promise<{
    status: number
    headers: Record<string, string>
    text(): Promise<string>
    json<T = unknown>(): Promise<T>
  }>
}

export interface PluginLogger {
  debug(message: string, details?: object): void
  info(message: string, details?: object): void
  warn(message: string, details?: object): void
  error(message: string, details?: object): void
}

/**
 * A small per-plugin cache. Values must survive JSON: they come back as
 * parsed JSON (a Date comes back as its ISO string).
 */
export interface PluginCache {
  get<T>(key: string): Promise<T | undefined>
  set<T>(key: string, value: T, ttlSeconds: number): Promise<void>
}

export interface PluginClock {
  now(): Date
}

/**
 * Secrets (API keys) by environment variable name. A plugin's config names
 * the variables ('publicKeyEnv: "RDEX_PUBLIC_KEY"'), never the secret
 * itself; the host reads them from its environment, the fake host from the
 * test fixtures.
 */
export interface PluginSecrets {
  get(name: string): string | undefined
}

export interface HostContext<Config> {
  http: PluginHttp
  logger: PluginLogger
  cache: PluginCache
  clock: PluginClock
  config: Config
  secrets: PluginSecrets
}

export interface HealthReport {
  ok: boolean
  detail?: string
}

/** What setup() returns: the capabilities the manifest declares. */
export interface PluginCapabilities {
  offers?: { list(area: SearchArea, window: TimeWindow): Promise<PartnerOffer[]> }
  booking?: { link(offer: PartnerOffer): Promise<string> }
  health?(): Promise<HealthReport>
}

/**
 * A config schema: anything with a `validate(input)` that returns the
 * typed config or throws with messages naming the fields (a compiled
 * VineJS validator fits: `vine.compile(vine.object({...}))`).
 */
export interface ConfigSchema<Config> {
  validate(input: unknown): Promise<Config>
}

export interface PluginDefinition<Config = unknown> {
  manifest: PluginManifest
  config: ConfigSchema<Config>
  setup(ctx: HostContext<Config>): PluginCapabilities | Promise<PluginCapabilities>
}
