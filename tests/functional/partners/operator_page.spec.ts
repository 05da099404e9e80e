import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import RefreshPartnerOffers from '#modules/partners/actions/refresh_partner_offers'
import { partnerHost } from '#modules/partners/services/host'
import { Agent } from '#tests/helpers/agent'
import { signedInOperator } from '#tests/helpers/documents'
import { createResident, signIn } from '#tests/helpers/residents'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import { resident } from '#tests/functional/feed/feed_support'
import { errorsIn } from '#tests/functional/exchanges/support'
import {
  apiKeyConfig,
  carOffer,
  loadPlugins,
  parisId,
  resetHostAfterEach,
  testPlugin,
} from '#tests/functional/partners/support'

const PAGE = '/operators/partners'
const SWITCH = '/operators/partners/switches'

async function twoPlugins() {
  let healthy = true
  await loadPlugins([
    {
      plugin: testPlugin({
        id: 'autopartage',
        name: 'Autopartage Test',
        list: async () => [carOffer()],
        health: async () => ({ ok: healthy, detail: healthy ? 'API 200' : 'API 503' }),
      }),
    },
    {
      plugin: testPlugin({
        id: 'covoit',
        name: 'Covoit Test',
        list: async () => {
          throw new Error('RDEX answered 500')
        },
      }),
    },
    {
      plugin: testPlugin({ id: 'keyed', config: apiKeyConfig, list: async () => [] }),
      config: {},
    },
  ])
  return { setHealthy: (value: boolean) => (healthy = value) }
}

async function switches() {
  return db.from('partner_town_switches').orderBy('plugin_id')
}

/**
 * The back office's partner page (operators only): each plugin's health,
 * breaker, statistics and last error, the plugins that did not load, and
 * a CSRF-protected form per plugin and town to switch it on or off,
 * validated with messages in the operator's language.
 */
test.group('Partner plugins: the operator page', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })
  resetHostAfterEach(group)

  test('visitors go to the login page, residents get 403, like every back-office page', async ({
    assert,
  }) => {
    await twoPlugins()
    const visitor = await new Agent().get(PAGE)
    assert.equal(visitor.status, 302)
    assert.include(visitor.location, '/login')
    const camille = await resident('Camille Martin')
    assert.equal((await camille.agent.get(PAGE)).status, 403)
    await camille.agent.get('/feed')
    const sent = await camille.agent.submit(SWITCH, {
      plugin: 'autopartage',
      town_id: String(await parisId()),
      state: 'off',
    })
    assert.equal(sent.status, 403)
    assert.lengthOf(await switches(), 0)
  })

  test('an operator sees each plugin’s health, breaker, statistics and last error, and those not loaded', async ({
    assert,
  }) => {
    await resident('Camille Martin')
    await twoPlugins()
    await new RefreshPartnerOffers().execute()
    const operator = await signedInOperator()
    const page = await operator.agent.get(PAGE)
    assert.equal(page.status, 200)
    assert.include(page.text, 'aria-current="page"')
    assert.match(
      page.text,
      /<a\s+href="\/operators\/partners"\s+aria-current="page"\s*>\s*Partenaires/
    )

    const autopartage = section(page.text, 'plugin-autopartage')
    assert.include(autopartage, 'Autopartage Test')
    assert.include(autopartage, 'En bonne santé')
    assert.include(autopartage, 'Santé : API 200')
    assert.include(autopartage, 'Appels ouverts')
    assert.match(autopartage, /data-stat="offers">\s*1\s*</)
    /** The refresh's call plus the health check. */
    assert.match(autopartage, /data-stat="calls">\s*2\s*</)
    assert.match(autopartage, /data-stat="failures">\s*0\s*</)
    assert.match(autopartage, /médiane \d+ ms, 95 % sous \d+ ms/)

    const covoit = section(page.text, 'plugin-covoit')
    assert.match(covoit, /data-stat="failures">\s*1\s*</)
    assert.include(covoit, 'offers.list: Error: RDEX answered 500')

    assert.include(page.text, 'Non chargé')
    assert.include(page.text, 'keyed')
    assert.include(page.text, 'config.apiKey')

    /** The towns where residents live, each plugin on by default. */
    const paris = await parisId()
    assert.include(page.text, `id="town-${paris}"`)
    assert.match(
      page.text,
      new RegExp(`data-switch="autopartage:${paris}">[\\s\\S]*?Activé[\\s\\S]*?Désactiver`)
    )
  })

  test('a plugin in trouble shows it: unhealthy, breaker open', async ({ assert }) => {
    await resident('Camille Martin')
    const { setHealthy } = await twoPlugins()
    setHealthy(false)
    for (let run = 0; run < 3; run++) await new RefreshPartnerOffers().execute()
    const operator = await signedInOperator()
    const page = await operator.agent.get(PAGE)
    assert.include(section(page.text, 'plugin-autopartage'), 'En difficulté')
    assert.include(section(page.text, 'plugin-autopartage'), 'Santé : API 503')
    assert.include(section(page.text, 'plugin-covoit'), 'Coupé après des échecs')
    assert.equal(partnerHost.plugin('covoit')!.breaker.state, 'open')
  })

  test('an operator switches a plugin off in a town, then on again', async ({ assert }) => {
    await resident('Camille Martin')
    await twoPlugins()
    const operator = await signedInOperator()
    const paris = String(await parisId())
    let response = await operator.agent.submit(
      SWITCH,
      { plugin: 'autopartage', town_id: paris, state: 'off' },
      { from: PAGE }
    )
    assert.equal(response.status, 302)
    assert.equal(response.location, PAGE)
    let [row] = await switches()
    assert.include(row, { plugin_id: 'autopartage', enabled: false, changed_by_id: operator.id })
    const page = await operator.agent.get(PAGE)
    assert.include(page.text, 'Le partenaire est désactivé dans cette commune')
    assert.match(
      page.text,
      new RegExp(`data-switch="autopartage:${paris}">[\\s\\S]*?Désactivé[\\s\\S]*?Activer`)
    )

    response = await operator.agent.submit(
      SWITCH,
      { plugin: 'autopartage', town_id: paris, state: 'on' },
      { from: PAGE }
    )
    assert.equal(response.status, 302)
    ;[row] = await switches()
    assert.isTrue(row.enabled)
    assert.lengthOf(await switches(), 1)
  })

  test('bad input is refused with a message (French, English), and nothing is written', async ({
    assert,
  }) => {
    await resident('Camille Martin')
    await twoPlugins()
    const operator = await signedInOperator()
    const paris = String(await parisId())
    const cases: [Record<string, string | undefined>, string][] = [
      [
        { plugin: 'keyed', town_id: paris, state: 'off' },
        'Ce partenaire n’est pas chargé par cette installation : choisissez-en un de la liste.',
      ],
      [
        { plugin: 'nope', town_id: paris, state: 'off' },
        'Ce partenaire n’est pas chargé par cette installation : choisissez-en un de la liste.',
      ],
      [
        { plugin: undefined, town_id: paris, state: 'off' },
        'Choisissez un partenaire de la liste.',
      ],
      [
        { plugin: 'autopartage', town_id: 'Paris', state: 'off' },
        'Choisissez une commune de la liste.',
      ],
      [
        { plugin: 'autopartage', town_id: '999999', state: 'off' },
        'Cette commune n’existe pas : choisissez-en une de la liste.',
      ],
      [
        { plugin: 'autopartage', town_id: paris, state: 'maybe' },
        'Indiquez s’il faut activer ou désactiver le partenaire.',
      ],
      [
        { plugin: 'autopartage', town_id: paris, state: undefined },
        'Indiquez s’il faut activer ou désactiver le partenaire.',
      ],
    ]
    for (const [fields, message] of cases) {
      const response = await operator.agent.submit(SWITCH, fields, { from: PAGE })
      assert.equal(response.status, 422, JSON.stringify(fields))
      assert.include(errorsIn(response.text).join(' | ').replaceAll('&#x2019;', '’'), message)
      /** The page comes back whole. */
      assert.include(response.text, 'id="plugin-autopartage"')
    }
    const english = await createResident({ email: 'operator@example.org', locale: 'en' })
    await db.from('users').where('id', english.id).update({ role: 'operator' })
    const agent = new Agent('en')
    await signIn(agent, 'operator@example.org')
    const response = await agent.submit(
      SWITCH,
      { plugin: 'autopartage', town_id: '999999', state: 'off' },
      { from: PAGE }
    )
    assert.equal(response.status, 422)
    assert.include(errorsIn(response.text), 'This town does not exist: choose one from the list.')

    const withoutToken = await operator.agent.submit(
      SWITCH,
      { plugin: 'autopartage', town_id: paris, state: 'off' },
      { csrf: false }
    )
    assert.equal(withoutToken.status, 403)
    assert.lengthOf(await switches(), 0)
  })

  test('with no plugin configured the page says so', async ({ assert }) => {
    await loadPlugins([])
    const operator = await signedInOperator()
    const page = await operator.agent.get(PAGE)
    assert.equal(page.status, 200)
    assert.include(page.text, 'id="partners-none"')
  })
})

/** The HTML of the element with this id, up to its closing </article>. */
function section(page: string, id: string): string {
  const start = page.indexOf(`id="${id}"`)
  if (start === -1) throw new Error(`no #${id} on the page`)
  return page.slice(start, page.indexOf('</article>', start))
}
