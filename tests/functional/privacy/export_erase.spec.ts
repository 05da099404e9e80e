import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Agent } from '#tests/helpers/agent'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { PASSWORD, signIn } from '#tests/helpers/residents'
import { smsOptIn } from '#tests/helpers/alerts'
import { freshStateForEachTest } from '#tests/helpers/state'
import { person, placesHolding, postGift, respond } from '#tests/functional/privacy/support'

const PRIVACY = '/profile/privacy'

function download(agent: Agent) {
  return agent.submit(`${PRIVACY}/export`, {}, { from: PRIVACY })
}

function erase(agent: Agent, password: string, confirmation = 'EFFACER') {
  return agent.submit(`${PRIVACY}/erase`, { password, confirmation }, { from: PRIVACY })
}

test.group('Privacy: export', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('the archive holds what the resident provided and nothing private of others', async ({
    assert,
  }) => {
    const anna = await person('Anna', { street: 'rue des Écoles' })
    const bruno = await person('Bruno', { street: 'rue Monge' })
    const chloe = await person('Chloé', { street: 'rue Linné' })
    await smsOptIn(anna.id, '+33612345678')
    await smsOptIn(bruno.id, '+33698765432')

    const annaGift = await postGift(anna.agent, 'Collection de bandes dessinées')
    const brunoGift = await postGift(bruno.agent, 'Étagère en pin')
    await respond(anna.agent, brunoGift, 'Bonjour Bruno, je peux passer ce soir ?')
    /** Bruno writes to Chloé: none of Anna's business. */
    await respond(chloe.agent, annaGift, 'Chloé demande les BD')
    const brunoToChloe = await postGift(chloe.agent, 'Lampe de bureau')
    await respond(bruno.agent, brunoToChloe, 'Message privé de Bruno à Chloé')

    const response = await download(anna.agent)
    assert.equal(response.status, 200)
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /^attachment; filename="quartier-export-\d{4}-\d{2}-\d{2}\.json"$/
    )
    const archive = JSON.parse(response.text)
    const sections = archive.sections
    assert.equal(sections.profile.email, anna.email)
    assert.equal(sections.profile.homeAddress, anna.address)
    assert.equal(sections.neighbourhoods.home.address_label, anna.address)
    assert.isString(sections.neighbourhoods.home.neighbourhood)
    assert.equal(sections.alerts.phone, '+33612345678')
    assert.deepInclude(
      sections.exchanges.posted.map((row: any) => row.title),
      'Collection de bandes dessinées'
    )
    assert.lengthOf(sections.exchanges.responses, 1)
    assert.equal(sections.verification.verifications[0].method, 'postcard')
    assert.equal(sections.verification.verifications[0].status, 'standing')
    const texts = sections.messaging.threads.flatMap((thread: any) =>
      thread.messages.map((message: any) => message.body)
    )
    assert.include(texts, 'Bonjour Bruno, je peux passer ce soir ?')
    assert.include(texts, 'Chloé demande les BD')
    for (const key of ['group_buys', 'events', 'organisations', 'partners']) {
      assert.property(sections, key)
    }

    /** Others appear by display name only. */
    for (const secret of [
      bruno.email,
      bruno.address,
      chloe.email,
      chloe.address,
      '+33698765432',
      'Message privé de Bruno à Chloé',
    ]) {
      assert.notInclude(response.text, secret)
    }
    assert.include(
      sections.messaging.threads.map((thread: any) => thread.with),
      'Bruno'
    )
  })

  test('exports are rate-limited and need a session', async ({ assert }) => {
    const anna = await person('Anna')
    for (let i = 0; i < 5; i++) assert.equal((await download(anna.agent)).status, 200)
    assert.equal((await download(anna.agent)).status, 429)
    const stranger = new Agent()
    assert.equal((await stranger.get(PRIVACY)).status, 302)
  })
})

test.group('Privacy: erasure', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a wrong password or confirmation erases nothing', async ({ assert }) => {
    const anna = await person('Anna')
    const before = await db.from('users').where('id', anna.id).first()
    const wrong = await erase(anna.agent, 'pas le bon mot de passe')
    assert.equal(wrong.status, 422)
    assert.include(wrong.text, 'rien n')
    const noWord = await erase(anna.agent, PASSWORD, 'oui')
    assert.equal(noWord.status, 422)
    const after = await db.from('users').where('id', anna.id).first()
    assert.deepEqual(after, before)
    assert.isNotNull(await db.from('residents').where('user_id', anna.id).first())
  })

  test('afterwards no column of any table holds their e-mail, phone or address', async ({
    assert,
  }) => {
    const anna = await person('Anna', { street: 'rue des Écoles' })
    const bruno = await person('Bruno', { street: 'rue Monge' })
    await smsOptIn(anna.id, '+33611223344')
    const gift = await postGift(anna.agent, 'Collection de bandes dessinées')
    await respond(bruno.agent, gift, 'Je suis intéressé par les BD')
    /** A password reset request keys a rate-limit counter on the address. */
    await new Agent().submit(
      '/password/forgot',
      { email: anna.email },
      { from: '/password/forgot' }
    )

    assert.isNotEmpty(await placesHolding(anna.email))
    assert.isNotEmpty(await placesHolding(anna.address))

    const response = await erase(anna.agent, PASSWORD)
    assert.equal(response.status, 302)
    assert.equal(response.location, '/goodbye')
    const goodbye = await anna.agent.get('/goodbye')
    assert.include(goodbye.text, 'Au revoir')

    for (const needle of [anna.email, '+33611223344', '0611223344', anna.address]) {
      assert.deepEqual(await placesHolding(needle), [], needle)
    }
    /** Signed out: the old session no longer reaches private pages. */
    assert.equal((await anna.agent.get(PRIVACY)).status, 302)
    /** Login with the old credentials fails. */
    const again = new Agent()
    const login = await signIn(again, anna.email)
    assert.equal(login.status, 400)

    /**
     * Their open gift is cancelled (nobody is there to give it): gone from
     * the feed, its page kept for whoever answered, signed "former resident".
     */
    const feed = await bruno.agent.get('/feed')
    assert.notInclude(feed.text, 'Collection de bandes dessinées')
    assert.notInclude(feed.text, 'Anna')
    const page = await bruno.agent.get(`/exchanges/${gift}`)
    assert.equal(page.status, 200)
    /** The exchanges module shortens names to "first name + initial": "Ancien·ne v.". */
    assert.include(page.text, 'Ancien·ne')
    assert.notInclude(page.text, 'Anna')
  })
})
