import type { Capability, HttpMethod, NetworkRule, OfferKind, PluginManifest } from './types.js'
import { SDK_API_VERSION } from './types.js'

export const CAPABILITIES: readonly Capability[] = ['offers.list', 'booking.link', 'health']
export const OFFER_KINDS: readonly OfferKind[] = ['ride', 'car', 'storage', 'other']
export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'HEAD']

const ID = /^[a-z][a-z0-9_]{1,47}$/
/** semver.org's grammar, without the leading 'v'. */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/
const PLACEHOLDER = /^\{config\.([A-Za-z][A-Za-z0-9_]*)\}/
const LOGO_PATH = /^(?!\/)(?!.*\.\.)[\w\-./]+\.(png|svg|jpe?g|webp)$/
const MANIFEST_KEYS = [
  'id',
  'version',
  'apiVersion',
  'capabilities',
  'network',
  'display',
  'offerKinds',
]
const DISPLAY_KEYS = ['name', 'logo', 'attribution']

/** A manifest (or a resolved network rule) the host must refuse: names the plugin and the field. */
export class ManifestError extends Error {
  constructor(
    readonly pluginId: string,
    readonly field: string,
    detail: string
  ) {
    super(`Plugin "${pluginId}": manifest${field ? `.${field}` : ''} ${detail}`)
    this.name = 'ManifestError'
  }
}

export interface ManifestOptions {
  /**
   * Hosts allowed over plain http. Only the test kit passes one (its fake
   * hosts under the reserved `.test` domain); the app never does.
   */
  allowHttpHost?: (hostname: string) => boolean
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function shortText(value: unknown, max: number) {
  return (
    typeof value === 'string' &&
    value.trim().length > 0 &&
    [...value].length <= max &&
    !/\p{Cc}/u.test(value)
  )
}

function quoted(value: unknown) {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return `(got ${text === undefined ? 'nothing' : JSON.stringify(text.slice(0, 80))})`
}

/**
 * Checks one concrete URL pattern: an absolute https URL (http only for the
 * test kit's fake hosts), no credentials, no wildcard in the origin.
 */
function checkPattern(pluginId: string, field: string, pattern: string, options: ManifestOptions) {
  const originEnd = pattern.indexOf('/', pattern.indexOf('//') + 2)
  const origin = originEnd === -1 ? pattern : pattern.slice(0, originEnd)
  if (origin.includes('*')) {
    throw new ManifestError(
      pluginId,
      field,
      `must not use '*' in the scheme or host ${quoted(pattern)}`
    )
  }
  let url: URL
  try {
    url = new URL(pattern.replaceAll('*', 'x'))
  } catch {
    throw new ManifestError(pluginId, field, `must be an absolute URL ${quoted(pattern)}`)
  }
  const httpAllowed = url.protocol === 'http:' && options.allowHttpHost?.(url.hostname) === true
  if (url.protocol !== 'https:' && !httpAllowed) {
    throw new ManifestError(pluginId, field, `must be an https URL ${quoted(pattern)}`)
  }
  if (url.username || url.password) {
    throw new ManifestError(pluginId, field, `must not carry credentials ${quoted(pattern)}`)
  }
  if (url.hash) {
    throw new ManifestError(pluginId, field, `must not have a #fragment ${quoted(pattern)}`)
  }
}

function checkUniqueList<T extends string>(
  pluginId: string,
  field: string,
  value: unknown,
  known: readonly T[]
): asserts value is T[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new ManifestError(
      pluginId,
      field,
      `must be a non-empty list of ${known.join(', ')} ${quoted(value)}`
    )
  }
  value.forEach((item, index) => {
    if (!known.includes(item)) {
      throw new ManifestError(
        pluginId,
        `${field}[${index}]`,
        `must be one of ${known.join(', ')} ${quoted(item)}`
      )
    }
    if (value.indexOf(item) !== index) {
      throw new ManifestError(pluginId, `${field}[${index}]`, `repeats ${quoted(item)}`)
    }
  })
}

/**
 * Validates a manifest as the host does at boot. Throws a ManifestError
 * whose message names the plugin and the field; returns the manifest typed.
 */
export function validateManifest(manifest: unknown, options: ManifestOptions = {}): PluginManifest {
  if (!isRecord(manifest)) throw new ManifestError('(unnamed)', '', 'must be an object')
  const rawId = manifest.id
  /** Named in messages as given, minus anything that could garble a log line. */
  const pluginId =
    typeof rawId === 'string' && rawId.length > 0
      ? rawId.replace(/[^\w.-]/g, '?').slice(0, 48)
      : '(unnamed)'

  for (const key of Object.keys(manifest)) {
    if (!MANIFEST_KEYS.includes(key))
      throw new ManifestError(pluginId, key, 'is not a manifest field')
  }
  if (typeof rawId !== 'string' || !ID.test(rawId)) {
    throw new ManifestError(
      pluginId,
      'id',
      `must be 2 to 48 lowercase letters, digits or '_', starting with a letter ${quoted(rawId)}`
    )
  }
  if (typeof manifest.version !== 'string' || !SEMVER.test(manifest.version)) {
    throw new ManifestError(
      pluginId,
      'version',
      `must be a semantic version like 1.2.0 ${quoted(manifest.version)}`
    )
  }
  const api = typeof manifest.apiVersion === 'string' ? SEMVER.exec(manifest.apiVersion) : null
  if (!api) {
    throw new ManifestError(
      pluginId,
      'apiVersion',
      `must be a semantic version like 1.0.0 ${quoted(manifest.apiVersion)}`
    )
  }
  const [sdkMajor, sdkMinor] = SDK_API_VERSION.split('.').map(Number)
  if (Number(api[1]) !== sdkMajor || Number(api[2]) > sdkMinor) {
    throw new ManifestError(
      pluginId,
      'apiVersion',
      `${manifest.apiVersion} is not supported by this host (SDK ${SDK_API_VERSION}: major ${sdkMajor}, minor up to ${sdkMinor})`
    )
  }
  checkUniqueList(pluginId, 'capabilities', manifest.capabilities, CAPABILITIES)
  checkUniqueList(pluginId, 'offerKinds', manifest.offerKinds, OFFER_KINDS)

  if (!Array.isArray(manifest.network)) {
    throw new ManifestError(
      pluginId,
      'network',
      `must be a list of { url, methods } ${quoted(manifest.network)}`
    )
  }
  manifest.network.forEach((rule: unknown, index) => {
    const field = `network[${index}]`
    if (!isRecord(rule))
      throw new ManifestError(pluginId, field, 'must be an object { url, methods }')
    if (typeof rule.url !== 'string' || rule.url.length === 0 || rule.url.length > 2048) {
      throw new ManifestError(pluginId, `${field}.url`, `must be a URL pattern ${quoted(rule.url)}`)
    }
    if (rule.url.includes('{')) {
      const placeholder = PLACEHOLDER.exec(rule.url)
      if (!placeholder || rule.url.indexOf('{', 1) !== -1) {
        throw new ManifestError(
          pluginId,
          `${field}.url`,
          `may only start with one placeholder {config.<key>} ${quoted(rule.url)}`
        )
      }
    } else {
      checkPattern(pluginId, `${field}.url`, rule.url, options)
    }
    checkUniqueList(pluginId, `${field}.methods`, rule.methods, HTTP_METHODS)
  })

  const display = manifest.display
  if (!isRecord(display))
    throw new ManifestError(pluginId, 'display', 'must be an object { name, attribution, logo? }')
  for (const key of Object.keys(display)) {
    if (!DISPLAY_KEYS.includes(key))
      throw new ManifestError(pluginId, `display.${key}`, 'is not a display field')
  }
  if (!shortText(display.name, 60)) {
    throw new ManifestError(
      pluginId,
      'display.name',
      `must be a text of 1 to 60 characters ${quoted(display.name)}`
    )
  }
  if (!shortText(display.attribution, 120)) {
    throw new ManifestError(
      pluginId,
      'display.attribution',
      `must be a text of 1 to 120 characters ${quoted(display.attribution)}`
    )
  }
  if (display.logo !== undefined) {
    const logo = display.logo
    const isHttps = typeof logo === 'string' && logo.startsWith('https://') && URL.canParse(logo)
    if (!isHttps && !(typeof logo === 'string' && LOGO_PATH.test(logo))) {
      throw new ManifestError(
        pluginId,
        'display.logo',
        `must be an https URL or a relative path to a .png, .svg, .jpg or .webp file ${quoted(logo)}`
      )
    }
  }
  return manifest as unknown as PluginManifest
}

function configValue(config: unknown, key: string): unknown {
  return isRecord(config) ? config[key] : undefined
}

/**
 * The manifest with its network placeholders replaced by the validated
 * config's values ('{config.baseUrl}/*' -> 'https://api.example.org/*').
 * A list value gives one rule per entry. Each result is checked like a
 * literal pattern (https, no credentials, no wildcard in the origin).
 */
export function resolveManifest(
  manifest: PluginManifest,
  config: unknown,
  options: ManifestOptions = {}
): PluginManifest {
  const network: NetworkRule[] = []
  manifest.network.forEach((rule, index) => {
    const field = `network[${index}].url`
    const placeholder = PLACEHOLDER.exec(rule.url)
    if (!placeholder) {
      network.push({ url: rule.url, methods: [...rule.methods] })
      return
    }
    const value = configValue(config, placeholder[1])
    const values = Array.isArray(value) ? value : [value]
    if (
      values.length === 0 ||
      values.some((entry) => typeof entry !== 'string' || entry.length === 0)
    ) {
      throw new ManifestError(
        manifest.id,
        field,
        `uses config.${placeholder[1]}, which must be a URL or a list of URLs ${quoted(value)}`
      )
    }
    for (const entry of values as string[]) {
      const url = entry + rule.url.slice(placeholder[0].length)
      checkPattern(manifest.id, `${field} (config.${placeholder[1]})`, url, options)
      network.push({ url, methods: [...rule.methods] })
    }
  })
  return { ...manifest, network }
}

function patternRegex(pattern: string) {
  const escaped = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${escaped}$`)
}

/**
 * Whether a resolved rule set lets the plugin send `method` to `url`: the
 * origin must match exactly, the path and query must match the pattern.
 * URLs with credentials never match. The host still checks addresses.
 */
export function isRequestAllowed(
  rules: readonly NetworkRule[],
  method: string,
  url: string
): boolean {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return false
  }
  if (target.username || target.password) return false
  const upper = method.toUpperCase()
  return rules.some((rule) => {
    if (!rule.methods.includes(upper as HttpMethod) || rule.url.startsWith('{')) return false
    const originEnd = rule.url.indexOf('/', rule.url.indexOf('//') + 2)
    const ruleOrigin = originEnd === -1 ? rule.url : rule.url.slice(0, originEnd)
    let origin: string
    try {
      origin = new URL(ruleOrigin).origin
    } catch {
      return false
    }
    if (origin !== target.origin) return false
    const rulePath = originEnd === -1 ? '/' : rule.url.slice(originEnd)
    return patternRegex(rulePath).test(target.pathname + target.search)
  })
}
