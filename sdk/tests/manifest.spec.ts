import { test } from '@japa/runner'
import vine from '@vinejs/vine'
import {
  ConfigError,
  ManifestError,
  SDK_API_VERSION,
  definePlugin,
  isPluginDefinition,
  isRequestAllowed,
  preparePlugin,
  resolveManifest,
  validateManifest,
  type PluginManifest,
} from '../index.js'

const manifest = (): PluginManifest => ({
  id: 'acme_rides',
  version: '1.2.3',
  apiVersion: SDK_API_VERSION,
  capabilities: ['offers.list', 'health'],
  network: [{ url: 'https://api.acme.example/rides/*', methods: ['GET'] }],
  display: { name: 'Acme rides', attribution: 'Rides from Acme', logo: 'assets/logo.svg' },
  offerKinds: ['ride'],
})

function refusal(change: (value: Record<string, any>) => void, options = {}) {
  const value: Record<string, any> = structuredClone(manifest())
  change(value)
  try {
    validateManifest(value, options)
  } catch (error) {
    if (error instanceof ManifestError) return error
    throw error
  }
  return undefined
}

test.group('SDK: validateManifest', () => {
  test('accepts a complete manifest', ({ assert }) => {
    assert.deepEqual(validateManifest(manifest()), manifest())
  })

  test('refuses {case}: the error names the plugin and the field')
    .with([
      {
        case: 'an id with capitals',
        change: (m: any) => (m.id = 'Acme-Rides'),
        plugin: 'Acme-Rides',
        field: 'id',
      },
      {
        case: 'a version that is not semver',
        change: (m: any) => (m.version = '1.2'),
        field: 'version',
      },
      {
        case: 'another API major',
        change: (m: any) => (m.apiVersion = '2.0.0'),
        field: 'apiVersion',
      },
      {
        case: 'a newer API minor',
        change: (m: any) => (m.apiVersion = '1.9.0'),
        field: 'apiVersion',
      },
      {
        case: 'an unknown capability',
        change: (m: any) => m.capabilities.push('teleport'),
        field: 'capabilities[2]',
      },
      {
        case: 'a repeated capability',
        change: (m: any) => m.capabilities.push('health'),
        field: 'capabilities[2]',
      },
      { case: 'no capability', change: (m: any) => (m.capabilities = []), field: 'capabilities' },
      {
        case: 'a plain http URL',
        change: (m: any) => (m.network[0].url = 'http://api.acme.example/*'),
        field: 'network[0].url',
      },
      {
        case: 'a wildcard host',
        change: (m: any) => (m.network[0].url = 'https://*.acme.example/rides'),
        field: 'network[0].url',
      },
      {
        case: 'credentials in the URL',
        change: (m: any) => (m.network[0].url = 'https://user:secret@api.acme.example/'),
        field: 'network[0].url',
      },
      {
        case: 'a placeholder that is not config',
        change: (m: any) => (m.network[0].url = '{env.HOME}/x'),
        field: 'network[0].url',
      },
      {
        case: 'an unknown method',
        change: (m: any) => (m.network[0].methods = ['DELETE']),
        field: 'network[0].methods[0]',
      },
      {
        case: 'an empty display name',
        change: (m: any) => (m.display.name = ' '),
        field: 'display.name',
      },
      {
        case: 'a javascript: logo',
        change: (m: any) => (m.display.logo = 'javascript:alert(1)'),
        field: 'display.logo',
      },
      {
        case: 'a logo outside the plugin',
        change: (m: any) => (m.display.logo = '../../secret.png'),
        field: 'display.logo',
      },
      {
        case: 'no attribution',
        change: (m: any) => delete m.display.attribution,
        field: 'display.attribution',
      },
      {
        case: 'an unknown offer kind',
        change: (m: any) => m.offerKinds.push('boat'),
        field: 'offerKinds[1]',
      },
      { case: 'a misspelt field', change: (m: any) => (m.capabilites = []), field: 'capabilites' },
    ])
    .run(({ assert }, row) => {
      const error = refusal(row.change)
      assert.instanceOf(error, ManifestError)
      assert.equal(error!.pluginId, row.plugin ?? 'acme_rides')
      assert.equal(error!.field, row.field)
      assert.include(
        error!.message,
        `Plugin "${row.plugin ?? 'acme_rides'}": manifest.${row.field}`
      )
    })

  test('names an unnamed plugin as such', ({ assert }) => {
    assert.throws(() => validateManifest(null), 'Plugin "(unnamed)": manifest must be an object')
    assert.throws(
      () => validateManifest({ ...manifest(), id: 'bad\nid' }),
      /^Plugin "bad\?id": manifest\.id must be/
    )
  })

  test('allows plain http only for hosts the test kit marks as fake', ({ assert }) => {
    const options = { allowHttpHost: (host: string) => host.endsWith('.test') }
    assert.isUndefined(refusal((m) => (m.network[0].url = 'http://partner.test/*'), options))
    assert.instanceOf(
      refusal((m) => (m.network[0].url = 'http://api.acme.example/*'), options),
      ManifestError
    )
  })
})

test.group('SDK: network rules', () => {
  const rules = [
    { url: 'https://api.acme.example/rides/*', methods: ['GET' as const] },
    { url: 'https://feeds.acme.example/offers.json', methods: ['GET' as const, 'HEAD' as const] },
  ]

  test('an origin matches exactly and * matches within the path and query', ({ assert }) => {
    assert.isTrue(
      isRequestAllowed(rules, 'GET', 'https://api.acme.example/rides/search?from=1&to=2')
    )
    assert.isTrue(isRequestAllowed(rules, 'head', 'https://feeds.acme.example/offers.json'))
    assert.isFalse(isRequestAllowed(rules, 'GET', 'https://feeds.acme.example/offers.json?x=1'))
    assert.isFalse(isRequestAllowed(rules, 'POST', 'https://api.acme.example/rides/search'))
    assert.isFalse(isRequestAllowed(rules, 'GET', 'https://api.acme.example/admin'))
    assert.isFalse(isRequestAllowed(rules, 'GET', 'https://api.acme.example/rides/../admin'))
    assert.isFalse(isRequestAllowed(rules, 'GET', 'https://api.acme.example:8443/rides/x'))
    assert.isFalse(isRequestAllowed(rules, 'GET', 'http://api.acme.example/rides/x'))
    assert.isFalse(isRequestAllowed(rules, 'GET', 'https://api.acme.example.evil.example/rides/x'))
    assert.isFalse(isRequestAllowed(rules, 'GET', 'https://user:pw@api.acme.example/rides/x'))
    assert.isFalse(isRequestAllowed(rules, 'GET', 'not a url'))
  })

  test('resolveManifest fills {config.<key>} placeholders from the validated config', ({
    assert,
  }) => {
    const withPlaceholders = {
      ...manifest(),
      network: [
        { url: '{config.journeysUrl}?*', methods: ['GET' as const] },
        { url: '{config.prefixes}*', methods: ['GET' as const] },
      ],
    }
    const resolved = resolveManifest(validateManifest(withPlaceholders), {
      journeysUrl: 'https://rdex.acme.example/api/journeys',
      prefixes: ['https://a.acme.example/', 'https://cdn.acme.example/gbfs/'],
    })
    assert.deepEqual(
      resolved.network.map((rule) => rule.url),
      [
        'https://rdex.acme.example/api/journeys?*',
        'https://a.acme.example/*',
        'https://cdn.acme.example/gbfs/*',
      ]
    )
    assert.isTrue(
      isRequestAllowed(resolved.network, 'GET', 'https://rdex.acme.example/api/journeys?p=1')
    )

    assert.throws(
      () =>
        resolveManifest(withPlaceholders, {
          journeysUrl: 'http://rdex.acme.example/api',
          prefixes: [],
        }),
      /Plugin "acme_rides": manifest.network\[0\].url \(config.journeysUrl\) must be an https URL/
    )
    assert.throws(
      () => resolveManifest(withPlaceholders, { journeysUrl: 'https://rdex.acme.example/api' }),
      /manifest.network\[1\].url uses config.prefixes, which must be a URL or a list of URLs/
    )
  })
})

test.group('SDK: definePlugin and preparePlugin', () => {
  const plugin = definePlugin({
    manifest: { ...manifest(), network: [{ url: '{config.baseUrl}/*', methods: ['GET'] }] },
    config: vine.compile(
      vine.object({ baseUrl: vine.string().url({ protocols: ['https'], require_protocol: true }) })
    ),
    setup: () => ({ offers: { list: async () => [] } }),
  })

  test('brands what definePlugin returns', ({ assert }) => {
    assert.isTrue(isPluginDefinition(plugin))
    assert.isFalse(isPluginDefinition({ ...plugin }))
    assert.isFalse(isPluginDefinition(null))
  })

  test('validates the manifest, then the config, then resolves the network rules', async ({
    assert,
  }) => {
    const prepared = await preparePlugin(plugin, { baseUrl: 'https://api.acme.example/v1' })
    assert.deepEqual(prepared.manifest.network, [
      { url: 'https://api.acme.example/v1/*', methods: ['GET'] },
    ])

    const error = await preparePlugin(plugin, { baseUrl: 'ftp://api.acme.example' }).catch(
      (caught) => caught
    )
    assert.instanceOf(error, ConfigError)
    assert.equal(error.pluginId, 'acme_rides')
    assert.deepEqual(
      error.fields.map((entry: { field: string }) => entry.field),
      ['baseUrl']
    )
    assert.match(error.message, /^Plugin "acme_rides": invalid config \(config\.baseUrl: /)
  })
})
