import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { importNeighbourhoods } from '#modules/neighbourhoods/index'
import RefreshPartnerOffers from '#modules/partners/actions/refresh_partner_offers'
import { partnerHost } from '#modules/partners/services/host'
import gbfsCarsharing from '#plugins/gbfs_carsharing/index'
import rdexCarpool from '#plugins/rdex_carpool/index'
import { signIn, watchErrors } from '#tests/helpers/browser'
import { verifiedResident } from '#tests/helpers/community'
import { loadParisAndIlleEtVilaine, squareAround, writeGeoJson } from '#tests/helpers/geo'
import { fakeHttp } from '#tests/helpers/nock'
import { freshStateForEachTest } from '#tests/helpers/state'
import { GEO_TABLES } from '#tests/helpers/geo'
import { PUBLIC_IP, dns, loadPlugins } from '#tests/functional/partners/support'

/** Rennes centre, where both plugins' recordings were made (their conformance scenarios). */
const RENNES_CENTRE = { latitude: 48.1113, longitude: -1.68 }
/** The recordings' moment: the rides depart within the following days. */
const RECORDED_AT = Date.parse('2026-03-02T06:00:00Z')

const plugins = new URL('../../../plugins/', import.meta.url)

interface Recorded {
  request: { method: string; url: string }
  response: { status: number; headers: Record<string, string>; bodyFile: string }
}

async function recordings(folder: string): Promise<Recorded[]> {
  return JSON.parse(await readFile(new URL(`${folder}/feeds.http.json`, plugins), 'utf8'))
}

async function body(folder: string, file: string): Promise<string> {
  return readFile(new URL(`${folder}/${file}`, plugins), 'utf8')
}

/**
 * A resident of Rennes centre opens their feed and finds a shared car
 * (GBFS 3.0) and a carpool ride (RDEX) as Partner cards; following the
 * ride leads to the platform's page. The plugins are ours, loaded with
 * their conformance configuration; the partners are their recorded
 * answers, served by nock (the app runs in the test process).
 */
test.group('Partner offers in a real browser', (group) => {
  group.setup(async () => {
    await loadParisAndIlleEtVilaine()
    await importNeighbourhoods(
      await writeGeoJson([
        {
          type: 'Feature',
          properties: { name: 'Centre', code: 'rennes-centre' },
          geometry: JSON.parse(squareAround(RENNES_CENTRE.longitude, RENNES_CENTRE.latitude, 1500)),
        },
      ]),
      { nameProperty: 'name', codeProperty: 'code', townCode: '35238' }
    )
  })
  freshStateForEachTest(group, { keep: GEO_TABLES })
  group.each.teardown(() => {
    partnerHost.reset()
    dns.clear()
    delete process.env.RDEX_COVOIT_OUEST_PUBLIC_KEY
    delete process.env.RDEX_COVOIT_OUEST_PRIVATE_KEY
  })

  test('a resident sees a shared car and a ride in their feed, and follows the ride', async ({
    browserContext,
    assert,
    cleanup,
  }) => {
    const nock = fakeHttp(cleanup)
    /** GBFS: each recorded file at its URL. */
    for (const recorded of await recordings('gbfs_carsharing/recordings/v3')) {
      const url = new URL(recorded.request.url)
      nock(url.origin)
        .get(url.pathname)
        .times(5)
        .reply(
          recorded.response.status,
          await body('gbfs_carsharing/recordings/v3', recorded.response.bodyFile),
          recorded.response.headers
        )
    }
    /**
     * RDEX: searches are signed with the time and the neighbourhood's own
     * centre, so the recorded answers are served by destination.
     */
    const vitre = await body('rdex_carpool/recordings', 'journeys_vitre.json')
    const saintMalo = await body('rdex_carpool/recordings', 'journeys_saint_malo.json')
    nock('https://rdex.covoit-ouest.example')
      .get('/api/journeys')
      .query(true)
      .times(4)
      .reply(200, (uri: unknown) => {
        /** nock hands the request here (its types say the URI): take the URL from either. */
        const url = typeof uri === 'string' ? uri : (uri as { url: string }).url
        const to = new URL(url, 'https://rdex.covoit-ouest.example').searchParams
        return to.get('p[to][latitude]') === '48.123600' ? vitre : saintMalo
      })
    dns.set('gbfs.autopartage-rennes.example', [PUBLIC_IP])
    dns.set('rdex.covoit-ouest.example', [PUBLIC_IP])
    process.env.RDEX_COVOIT_OUEST_PUBLIC_KEY = 'quartier-rennes'
    process.env.RDEX_COVOIT_OUEST_PRIVATE_KEY = 'test-private-key-not-a-secret'

    await loadPlugins([
      {
        plugin: gbfsCarsharing,
        config: { discoveryUrl: 'https://gbfs.autopartage-rennes.example/v3/gbfs.json' },
      },
      {
        plugin: rdexCarpool,
        config: {
          journeysUrl: 'https://rdex.covoit-ouest.example/api/journeys',
          publicKeyEnv: 'RDEX_COVOIT_OUEST_PUBLIC_KEY',
          privateKeyEnv: 'RDEX_COVOIT_OUEST_PRIVATE_KEY',
          destinations: [
            { label: 'Vitré', latitude: 48.1236, longitude: -1.2085 },
            { label: 'Saint-Malo', latitude: 48.6493, longitude: -2.0257 },
          ],
          operatorName: "Covoit'Ouest",
        },
        secrets: ['RDEX_COVOIT_OUEST_PUBLIC_KEY', 'RDEX_COVOIT_OUEST_PRIVATE_KEY'],
      },
    ])
    assert.deepEqual(partnerHost.failures(), [])
    assert.sameMembers(partnerHost.activeIds(), ['gbfs_carsharing', 'rdex_carpool'])

    await verifiedResident('yann@example.org', {
      displayName: 'Yann Le Goff',
      at: { latitude: 48.1116, longitude: -1.6795 },
      addressLabel: '3 rue de la Monnaie, 35000 Rennes',
    })
    /** The refresh runs at the recordings' moment; its cache then made current (the job runs every 15 min). */
    partnerHost.configure({ clock: () => RECORDED_AT })
    const report = await new RefreshPartnerOffers().execute()
    assert.equal(report.failed, 0)
    await db.from('partner_offers').update({ expires_at: new Date(Date.now() + 3600_000) })
    const kinds = (await db.from('partner_offers').select('kind')).map((row) => row.kind)
    assert.includeMembers(kinds, ['car', 'ride'])

    const errors: string[] = []
    const page = await browserContext.newPage()
    watchErrors(page, errors)
    /** The partner's page, as the browser would reach it after our redirect. */
    await page.route('https://www.covoit-ouest.example/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Covoit’Ouest</h1>' })
    )
    await signIn(page, 'yann@example.org')
    await page.goto('/feed')

    const partnerCards = page.locator('[data-feed-item^="partners-"]')
    const car = partnerCards.filter({ hasText: 'Autopartage' }).first()
    await car.waitFor()
    assert.isTrue(await car.getByText('Partenaire', { exact: true }).isVisible())
    const ride = partnerCards
      .filter({ hasText: 'Covoiturage' })
      .filter({ hasText: 'Vitré' })
      .first()
    await ride.waitFor()
    assert.isTrue(await ride.getByText('Partenaire', { exact: true }).isVisible())
    assert.isTrue(await ride.getByText("Covoit'Ouest").first().isVisible())

    const link = ride.getByRole('link').first()
    const href = await link.getAttribute('href')
    assert.match(href ?? '', /^\/partners\/go\/\d+$/)
    await link.click()
    await page.waitForURL(/^https:\/\/www\.covoit-ouest\.example\//)
    const [click] = await db.from('partner_clicks')
    assert.include(click, { plugin_id: 'rdex_carpool', link_source: 'booking' })
    assert.deepEqual(errors, [])
  })
})
