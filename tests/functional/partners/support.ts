/*
| Arrangements shared by the partners specs: small plugins written inline
| with definePlugin (the way a partner writes one), loaded into the
| process's plugin host with test settings, a resolver the test controls,
| offers placed around Saint-Victor, and the host put back afterwards.
*/
import type { Group } from '@japa/runner/core'
import vine from '@vinejs/vine'
import {
  definePlugin,
  type Capability,
  type HostContext,
  type NetworkRule,
  type OfferKind,
  type PartnerOffer,
  type PluginCapabilities,
  type SearchArea,
  type TimeWindow,
} from '#sdk'
import { partnerHost } from '#modules/partners/services/host'
import type { ResolvedAddress } from '#modules/partners/services/http/resolver'
import {
  definePartnersConfig,
  type PartnerPluginEntry,
  type PartnersSettings,
} from '#modules/partners/index'

export const SAINT_VICTOR = { longitude: 2.35409, latitude: 48.84766 }
export const JARDIN_DES_PLANTES = { longitude: 2.3595, latitude: 48.8435 }
export const CLIGNANCOURT = { longitude: 2.3466, latitude: 48.8909 }

/** A public address (documentation ranges are refused, so a real-looking one). */
export const PUBLIC_IP = '93.184.216.34'

/** Host names the test resolver knows; anything else does not resolve. */
export const dns = new Map<string, string[]>()

async function testResolver(hostname: string): Promise<ResolvedAddress[]> {
  const addresses = dns.get(hostname)
  if (!addresses) throw new Error(`ENOTFOUND ${hostname}`)
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
}

/** Settings for tests: short timeouts and cool-downs, the rest as in production. */
export function testSettings(
  overrides: Parameters<typeof definePartnersConfig>[0]['settings'] = {}
): PartnersSettings {
  return definePartnersConfig({
    plugins: [],
    settings: {
      ...overrides,
      calls: {
        listTimeoutMs: 1000,
        linkTimeoutMs: 500,
        healthTimeoutMs: 500,
        setupTimeoutMs: 500,
        ...overrides.calls,
      },
      breaker: { failureThreshold: 3, cooldownMs: 60_000, ...overrides.breaker },
      http: { timeoutMs: 1000, maxTimeoutMs: 2000, ...overrides.http },
    },
  }).settings
}

/** The test's clock: starts now, moves only when told. */
export const clock = {
  at: Date.now(),
  now: () => clock.at,
  advance(ms: number) {
    clock.at += ms
  },
}

/**
 * Loads these plugins into the host (replacing any), with the test
 * resolver, clock and settings. The host goes back to its defaults after
 * each test of the group (resetHostAfterEach).
 */
export async function loadPlugins(
  entries: PartnerPluginEntry[],
  options: { settings?: PartnersSettings; realClock?: boolean } = {}
) {
  clock.at = Date.now()
  partnerHost.configure({
    resolver: testResolver,
    clock: options.realClock ? Date.now : clock.now,
    settings: options.settings ?? testSettings(),
  })
  await partnerHost.load(entries)
  return partnerHost
}

export function resetHostAfterEach(group: Group) {
  group.each.teardown(() => {
    partnerHost.reset()
    dns.clear()
  })
}

/** A config schema that takes anything (plugins that need no config). */
export const anyConfig = { validate: async (input: unknown) => input as Record<string, unknown> }

/** A config schema with one required field, as a partner would write it with VineJS. */
export const apiKeyConfig = vine.create({ apiKey: vine.string().minLength(8) })

/**
 * A plugin in a few lines: an id, the capabilities it declares and the
 * functions behind them; `onSetup` sees the host context it was given.
 */
export function testPlugin(options: {
  id: string
  name?: string
  kinds?: OfferKind[]
  network?: NetworkRule[]
  capabilities?: Capability[]
  list?: (area: SearchArea, window: TimeWindow, ctx: HostContext<any>) => Promise<PartnerOffer[]>
  link?: (offer: PartnerOffer, ctx: HostContext<any>) => Promise<string>
  health?: (ctx: HostContext<any>) => Promise<{ ok: boolean; detail?: string }>
  onSetup?: (ctx: HostContext<any>) => void
  config?: { validate(input: unknown): Promise<any> }
  apiVersion?: string
}) {
  const capabilities: Capability[] = options.capabilities ?? [
    ...(options.list ? (['offers.list'] as const) : []),
    ...(options.link ? (['booking.link'] as const) : []),
    ...(options.health ? (['health'] as const) : []),
  ]
  return definePlugin<any>({
    manifest: {
      id: options.id,
      version: '1.0.0',
      apiVersion: options.apiVersion ?? '1.0.0',
      capabilities,
      network: options.network ?? [
        { url: `https://${options.id}.example.org/*`, methods: ['GET'] },
      ],
      display: {
        name: options.name ?? `Partenaire ${options.id}`,
        attribution: `Offre de ${options.name ?? options.id}`,
      },
      offerKinds: options.kinds ?? ['car', 'ride', 'storage', 'other'],
    },
    config: options.config ?? anyConfig,
    setup(ctx) {
      options.onSetup?.(ctx)
      const ports: PluginCapabilities = {}
      if (options.list) {
        const list = options.list
        ports.offers = { list: (area, window) => list(area, window, ctx) }
      }
      if (options.link) {
        const link = options.link
        ports.booking = { link: (offer) => link(offer, ctx) }
      }
      if (options.health) {
        const health = options.health
        ports.health = () => health(ctx)
      }
      return ports
    },
  })
}

let offerCount = 0

/** A shared car a few metres from Saint-Victor's centre, valid for an hour. */
export function carOffer(overrides: Partial<PartnerOffer> = {}): PartnerOffer {
  offerCount += 1
  return {
    id: `car-${offerCount}`,
    kind: 'car',
    title: `Renault Zoé ${offerCount}, rue des Écoles`,
    description: 'Voiture électrique en libre-service, 120 km d’autonomie.',
    priceText: '6 € / h',
    location: {
      point: { latitude: 48.8468 + (offerCount % 10) * 0.00001, longitude: 2.3523 },
      label: 'Rue des Écoles',
    },
    deepLink: `https://cars.example.org/book/${offerCount}`,
    attribution: 'Offre de Autopartage Test',
    expiresAt: new Date(Date.now() + 3600_000),
    ...overrides,
  }
}

/** Fetches through a plugin's own ctx.http, as its code would. */
export async function capturedContext(entry: {
  id: string
  network: NetworkRule[]
  settings?: PartnersSettings
}): Promise<HostContext<any>> {
  let captured: HostContext<any> | undefined
  await loadPlugins(
    [
      {
        plugin: testPlugin({
          id: entry.id,
          network: entry.network,
          list: async () => [],
          onSetup: (ctx) => {
            captured = ctx
          },
        }),
      },
    ],
    { settings: entry.settings }
  )
  if (!captured)
    throw new Error(`plugin ${entry.id} did not load: ${JSON.stringify(partnerHost.failures())}`)
  return captured
}

/** Posts a loan through the exchange form, as its author would; gives its card key. */
export async function postLoan(
  agent: import('#tests/helpers/agent').Agent,
  title = 'Perceuse à prêter'
): Promise<string> {
  const response = await agent.submit(
    '/exchanges',
    {
      direction: 'offer',
      kind: 'loan',
      category: 'tools',
      title,
      description: 'Disponible le week-end, à venir chercher chez moi.',
      scope: 'neighbourhood',
    },
    { from: '/exchanges/new' }
  )
  const id = response.location?.match(/^\/exchanges\/(\d+)$/)?.[1]
  if (response.status !== 302 || !id) throw new Error(`posting failed (${response.status})`)
  return `exchanges-${id}`
}

/** The cards of a feed page, in order ("partners-3", "exchanges-1"). */
export function cardKeys(page: string): string[] {
  return [...page.matchAll(/data-feed-item="([^"]+)"/g)].map((match) => match[1])
}

/** One card's text, tags stripped and spaces squeezed. */
export function cardText(page: string, key: string): string {
  const start = page.indexOf(`data-feed-item="${key}"`)
  if (start === -1) throw new Error(`no card ${key} on the page`)
  const end = page.indexOf('</article>', start)
  return page
    .slice(start, end)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The cached partner offers, oldest first. */
export async function cachedOffers() {
  const { default: db } = await import('@adonisjs/lucid/services/db')
  return db.from('partner_offers').orderBy('id')
}

export async function parisId(): Promise<number> {
  const { default: db } = await import('@adonisjs/lucid/services/db')
  const row = await db.from('towns').where('insee_code', '75056').firstOrFail()
  return Number(row.id)
}
