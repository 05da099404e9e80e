import { gzipSync } from 'node:zlib'
import { test } from '@japa/runner'
import { PartnerHttpError } from '#modules/partners/services/http/guarded_http'
import { isPublicAddress } from '#modules/partners/services/http/address_policy'
import { fakeHttp } from '#tests/helpers/nock'
import {
  PUBLIC_IP,
  capturedContext,
  dns,
  resetHostAfterEach,
  testSettings,
} from '#tests/functional/partners/support'

/** The code of the host's refusal (fails the test if the fetch went through). */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof PartnerHttpError) return error.code
    throw error
  }
  throw new Error('the request went through')
}

/**
 * ctx.http, what a plugin reaches the network with: only its manifest's
 * URLs and methods, only public addresses (as written, after DNS, after
 * every redirect), within a deadline and a size cap. nock plays the
 * partners; the test resolver maps their names.
 */
test.group('Partner plugins: the host-given fetch', (group) => {
  resetHostAfterEach(group)

  test('a manifest pointing at private, loopback, link-local or metadata addresses gets nothing', async ({
    assert,
    cleanup,
  }) => {
    const nock = fakeHttp(cleanup)
    const targets = [
      'https://127.0.0.1/api',
      'https://10.0.0.1/api',
      'https://169.254.169.254/latest/meta-data/',
      'https://[::1]/api',
      'https://[fd00:ec2::254]/latest/meta-data/',
      'https://[::ffff:127.0.0.1]/api',
      'https://100.64.0.1/api',
      'https://172.16.5.4/api',
      'https://192.168.1.1/api',
      'https://0.0.0.0/api',
      'https://[fe80::1]/api',
      /** Decimal and hex forms of 127.0.0.1, normalised by the URL parser. */
      'https://2130706433/api',
      'https://0x7f.1/api',
    ]
    /** Were the host to connect, these fakes would answer: none may be reached. */
    const reached: string[] = []
    for (const target of targets) {
      const origin = new URL(target).origin
      nock(origin)
        .get(/.*/)
        .reply(200, () => {
          reached.push(target)
          return 'secret'
        })
    }
    const ctx = await capturedContext({
      id: 'nosy',
      network: targets.map((url) => ({ url: `${new URL(url).origin}/*`, methods: ['GET'] })),
    })
    for (const target of targets) {
      assert.equal(await refusal(ctx.http.fetch(target)), 'forbidden_address', target)
    }
    assert.deepEqual(reached, [])
  })

  test('a name resolving to loopback (or to a mix) is refused after DNS', async ({
    assert,
    cleanup,
  }) => {
    const nock = fakeHttp(cleanup)
    const partner = nock('https://rebind.example.org').get('/offers').reply(200, '[]')
    dns.set('rebind.example.org', ['127.0.0.1'])
    dns.set('mixed.example.org', [PUBLIC_IP, '10.1.2.3'])
    dns.set('six.example.org', ['::1'])
    const ctx = await capturedContext({
      id: 'rebinder',
      network: [
        { url: 'https://rebind.example.org/*', methods: ['GET'] },
        { url: 'https://mixed.example.org/*', methods: ['GET'] },
        { url: 'https://six.example.org/*', methods: ['GET'] },
      ],
    })
    assert.equal(
      await refusal(ctx.http.fetch('https://rebind.example.org/offers')),
      'forbidden_address'
    )
    assert.equal(
      await refusal(ctx.http.fetch('https://mixed.example.org/offers')),
      'forbidden_address'
    )
    assert.equal(
      await refusal(ctx.http.fetch('https://six.example.org/offers')),
      'forbidden_address'
    )
    assert.isFalse(partner.isDone())

    /** The same name resolving to a public address is served. */
    dns.set('rebind.example.org', [PUBLIC_IP])
    const response = await ctx.http.fetch('https://rebind.example.org/offers')
    assert.equal(response.status, 200)
    assert.deepEqual(await response.json(), [])
  })

  test('only the manifest’s URLs and methods; names that do not resolve fail', async ({
    assert,
    cleanup,
  }) => {
    const nock = fakeHttp(cleanup)
    const other = nock('https://other.example.org').get(/.*/).reply(200, 'no')
    dns.set('api.example.org', [PUBLIC_IP])
    dns.set('other.example.org', [PUBLIC_IP])
    const ctx = await capturedContext({
      id: 'narrow',
      network: [{ url: 'https://api.example.org/v1/*', methods: ['GET'] }],
    })
    assert.equal(await refusal(ctx.http.fetch('https://other.example.org/v1/x')), 'not_allowed')
    assert.equal(await refusal(ctx.http.fetch('https://api.example.org/admin')), 'not_allowed')
    assert.equal(
      await refusal(ctx.http.fetch('https://api.example.org/v1/x', { method: 'POST', body: '{}' })),
      'not_allowed'
    )
    assert.equal(await refusal(ctx.http.fetch('http://api.example.org/v1/x')), 'not_allowed')
    assert.equal(
      await refusal(ctx.http.fetch('https://user:pw@api.example.org/v1/x')),
      'not_allowed'
    )
    assert.equal(await refusal(ctx.http.fetch('not a url')), 'bad_request')
    assert.equal(
      await refusal(
        ctx.http.fetch('https://api.example.org/v1/x', { headers: { 'x-evil': 'a\r\nb: c' } })
      ),
      'bad_request'
    )
    assert.isFalse(other.isDone())
    dns.delete('api.example.org')
    assert.equal(await refusal(ctx.http.fetch('https://api.example.org/v1/x')), 'dns')
  })

  test('a redirect to a private address, a host outside the rules or a private name is refused', async ({
    assert,
    cleanup,
  }) => {
    const nock = fakeHttp(cleanup)
    dns.set('partner.example.org', [PUBLIC_IP])
    dns.set('internal.example.org', ['192.168.0.10'])
    nock('https://partner.example.org')
      .get('/to-ip')
      .reply(302, '', { location: 'https://10.0.0.1/admin' })
      .get('/to-metadata')
      .reply(301, '', { location: 'https://169.254.169.254/latest/meta-data/' })
      .get('/to-name')
      .reply(307, '', { location: 'https://internal.example.org/admin' })
      .get('/elsewhere')
      .reply(302, '', { location: 'https://evil.example.net/' })
    const inside = nock('https://10.0.0.1').get(/.*/).reply(200, 'inside')
    const ctx = await capturedContext({
      id: 'redirected',
      network: [
        { url: 'https://partner.example.org/*', methods: ['GET'] },
        /** Even when the manifest lists them, private targets stay out of reach. */
        { url: 'https://10.0.0.1/*', methods: ['GET'] },
        { url: 'https://169.254.169.254/*', methods: ['GET'] },
        { url: 'https://internal.example.org/*', methods: ['GET'] },
      ],
    })
    assert.equal(
      await refusal(ctx.http.fetch('https://partner.example.org/to-ip')),
      'forbidden_address'
    )
    assert.equal(
      await refusal(ctx.http.fetch('https://partner.example.org/to-metadata')),
      'forbidden_address'
    )
    assert.equal(
      await refusal(ctx.http.fetch('https://partner.example.org/to-name')),
      'forbidden_address'
    )
    assert.equal(
      await refusal(ctx.http.fetch('https://partner.example.org/elsewhere')),
      'not_allowed'
    )
    assert.isFalse(inside.isDone())
  })

  test('redirects are followed (three at most), and credentials stay on their origin', async ({
    assert,
    cleanup,
  }) => {
    const nock = fakeHttp(cleanup)
    dns.set('a.example.org', [PUBLIC_IP])
    dns.set('b.example.org', [PUBLIC_IP])
    nock('https://a.example.org', { reqheaders: { authorization: 'Bearer s3cret' } })
      .get('/start')
      .reply(302, '', { location: '/second' })
      .get('/second')
      .reply(303, '', { location: 'https://b.example.org/final' })
    nock('https://b.example.org', { badheaders: ['authorization', 'x-api-key'] })
      .get('/final')
      .reply(200, { ok: true })
    nock('https://a.example.org').get('/loop').times(10).reply(302, '', { location: '/loop' })
    const ctx = await capturedContext({
      id: 'hopper',
      network: [
        { url: 'https://a.example.org/*', methods: ['GET'] },
        { url: 'https://b.example.org/*', methods: ['GET'] },
      ],
    })
    const response = await ctx.http.fetch('https://a.example.org/start', {
      headers: { 'Authorization': 'Bearer s3cret', 'X-Api-Key': 'k' },
    })
    assert.equal(response.status, 200)
    assert.deepEqual(await response.json(), { ok: true })
    assert.equal(await refusal(ctx.http.fetch('https://a.example.org/loop')), 'too_many_redirects')
  })

  test('a response beyond the size cap is cut, declared, streamed or compressed', async ({
    assert,
    cleanup,
  }) => {
    const nock = fakeHttp(cleanup)
    dns.set('big.example.org', [PUBLIC_IP])
    const threeMegabytes = Buffer.alloc(3 * 1024 * 1024, 'a')
    nock('https://big.example.org')
      .get('/declared')
      .reply(200, threeMegabytes, { 'content-length': String(threeMegabytes.length) })
      .get('/streamed')
      .reply(200, () => threeMegabytes)
      .get('/bomb')
      .reply(200, gzipSync(Buffer.alloc(50 * 1024 * 1024)), { 'content-encoding': 'gzip' })
      .get('/small')
      .reply(200, gzipSync(Buffer.from('{"fine":true}')), { 'content-encoding': 'gzip' })
    const ctx = await capturedContext({
      id: 'bigmouth',
      network: [{ url: 'https://big.example.org/*', methods: ['GET'] }],
    })
    assert.equal(await refusal(ctx.http.fetch('https://big.example.org/declared')), 'too_large')
    assert.equal(await refusal(ctx.http.fetch('https://big.example.org/streamed')), 'too_large')
    assert.equal(await refusal(ctx.http.fetch('https://big.example.org/bomb')), 'too_large')
    const small = await ctx.http.fetch('https://big.example.org/small')
    assert.deepEqual(await small.json(), { fine: true })
  })

  test('a slow partner times out, and a plugin cannot ask for more than the cap', async ({
    assert,
    cleanup,
  }) => {
    const nock = fakeHttp(cleanup)
    dns.set('slow.example.org', [PUBLIC_IP])
    nock('https://slow.example.org').get('/offers').times(2).delay(3000).reply(200, '[]')
    const ctx = await capturedContext({
      id: 'sloth',
      network: [{ url: 'https://slow.example.org/*', methods: ['GET'] }],
      settings: testSettings({ http: { timeoutMs: 200, maxTimeoutMs: 400 } }),
    })
    let started = Date.now()
    assert.equal(await refusal(ctx.http.fetch('https://slow.example.org/offers')), 'timeout')
    assert.isBelow(Date.now() - started, 1500)
    started = Date.now()
    assert.equal(
      await refusal(ctx.http.fetch('https://slow.example.org/offers', { timeoutMs: 60_000 })),
      'timeout'
    )
    assert.isBelow(Date.now() - started, 1500)
  })

  test('secrets: only the variables granted to the plugin; the cache keeps copies for their TTL', async ({
    assert,
  }) => {
    const { loadPlugins, testPlugin, clock } = await import('#tests/functional/partners/support')
    process.env.PARTNER_TEST_KEY = 'granted-value'
    let ctx: any
    await loadPlugins([
      {
        plugin: testPlugin({ id: 'keyholder', list: async () => [], onSetup: (c) => (ctx = c) }),
        secrets: ['PARTNER_TEST_KEY'],
      },
    ])
    assert.equal(ctx.secrets.get('PARTNER_TEST_KEY'), 'granted-value')
    assert.isUndefined(ctx.secrets.get('APP_KEY'))
    assert.isUndefined(ctx.secrets.get('DATABASE_URL'))

    const value = { when: new Date('2026-01-01T00:00:00Z'), list: [1, 2] }
    await ctx.cache.set('k', value, 60)
    value.list.push(3)
    const read = await ctx.cache.get('k')
    assert.deepEqual(read, { when: new Date('2026-01-01T00:00:00Z'), list: [1, 2] })
    clock.advance(61_000)
    assert.isUndefined(await ctx.cache.get('k'))
    assert.instanceOf(ctx.clock.now(), Date)
    assert.equal(ctx.clock.now().getTime(), clock.at)
    delete process.env.PARTNER_TEST_KEY
  })

  test('the address rule itself', ({ assert }) => {
    for (const address of ['93.184.216.34', '2a00:1450:4007:80e::200e', '::ffff:93.184.216.34']) {
      assert.isTrue(isPublicAddress(address), address)
    }
    for (const address of [
      '127.0.0.1',
      '10.255.0.1',
      '172.31.255.255',
      '192.168.0.1',
      '169.254.169.254',
      '100.100.100.200',
      '0.0.0.0',
      '255.255.255.255',
      '224.0.0.1',
      '::',
      '::1',
      'fc00::1',
      'fd00:ec2::254',
      'fe80::1',
      'ff02::1',
      '64:ff9b::7f00:1',
      '2002:7f00:1::',
      '::ffff:7f00:1',
      '::ffff:10.0.0.1',
      'localhost',
      '',
    ]) {
      assert.isFalse(isPublicAddress(address), address)
    }
  })
})
