import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import { textOf } from '#tests/helpers/page_text'
import type { CommunityResident } from '#tests/helpers/community'
import {
  emptyPhotoFolder,
  loanFields,
  neighbour,
  post,
  submitExchange,
} from '#tests/functional/exchanges/support'
import { eventFields, submitEvent } from '#tests/functional/events/support'
import { camilleWritesToLea, messageCount, reply } from '#tests/functional/messaging/support'

const DAY = 24 * 3600_000

/** Makes a resident's account `days` old. */
async function accountAge(resident: CommunityResident, days: number) {
  await db
    .from('users')
    .where('id', resident.id)
    .update({ created_at: new Date(Date.now() - days * DAY) })
}

async function count(table: string, where: Record<string, unknown> = {}): Promise<number> {
  const row = await db.from(table).where(where).count('* as total').first()
  return Number(row.total)
}

test.group('Moderation: new residents post 5 times a day, without links', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })
  group.each.setup(() => emptyPhotoFolder())

  test('a 2-day-old account posts 5 exchanges; the 6th comes back with the message', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    await accountAge(camille, 2)
    for (let index = 1; index <= 5; index++) {
      await post(camille.agent, loanFields({ title: `Objet à prêter numéro ${index}` }))
    }
    assert.equal(await count('posting_log', { user_id: camille.id }), 5)

    const sixth = await submitExchange(
      camille.agent,
      loanFields({ title: 'Sixième annonce du jour' })
    )
    assert.equal(sixth.status, 429)
    const text = textOf(sixth)
    assert.include(text, 'les nouveaux comptes peuvent publier 5 contenus par 24 heures')
    assert.match(text, /publier de nouveau à partir du \d{1,2} \S+ \d{4}/)
    /** What was typed is still there. */
    assert.include(sixth.text, 'value="Sixième annonce du jour"')
    assert.equal(await count('exchanges'), 5)

    /** Other kinds share the same five: an event is refused too. */
    const event = await submitEvent(camille.agent, eventFields())
    assert.equal(event.status, 429)
    assert.equal(await count('events'), 0)
  })

  test('an account over a week old is not limited', async ({ assert }) => {
    const lea = await neighbour('Léa Dubois')
    await accountAge(lea, 8)
    for (let index = 1; index <= 6; index++) {
      await post(lea.agent, loanFields({ title: `Objet à prêter numéro ${index}` }))
    }
    assert.equal(await count('exchanges'), 6)
    assert.equal(await count('posting_log'), 0, 'nothing kept for established accounts')
  })

  test('10 posts at once from a new account: never more than 5', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    await accountAge(camille, 2)
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        submitExchange(camille.agent, loanFields({ title: `Annonce simultanée ${index}` }))
      )
    )
    const statuses = responses.map((response) => response.status)
    assert.equal(statuses.filter((status) => status === 302).length, 5, statuses.join(','))
    assert.equal(statuses.filter((status) => status === 429).length, 5, statuses.join(','))
    assert.equal(await count('exchanges'), 5)
    assert.equal(await count('posting_log', { user_id: camille.id }), 5)
  })

  test('a link is refused from a new account and accepted from an 8-day-old one', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    await accountAge(camille, 2)
    const withLink = loanFields({ description: 'Toutes les photos sur www.mes-outils.fr, merci.' })
    const refused = await submitExchange(camille.agent, withLink)
    assert.equal(refused.status, 422)
    assert.include(textOf(refused), 'ne peuvent pas publier de liens')
    assert.include(refused.text, 'www.mes-outils.fr')
    assert.equal(await count('exchanges'), 0)
    assert.equal(await count('posting_log'), 0)

    const bare = await submitExchange(
      camille.agent,
      loanFields({ title: 'Perceuse, voir example.com' })
    )
    assert.equal(bare.status, 422)

    await accountAge(camille, 8)
    await post(camille.agent, withLink)
    assert.equal(await count('exchanges'), 1)
  })

  test('editing a post: a link is refused, and the edit is not counted', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    await accountAge(camille, 3)
    const id = await post(camille.agent, loanFields())
    const edit = { path: `/exchanges/${id}`, from: `/exchanges/${id}/edit` }
    const linked = await submitExchange(
      camille.agent,
      loanFields({ description: 'Notice et photos sur http://outils.example.org/perceuse' }),
      [],
      edit
    )
    assert.equal(linked.status, 422)
    assert.include(textOf(linked), 'ne peuvent pas publier de liens')
    for (let index = 1; index <= 5; index++) {
      const saved = await submitExchange(
        camille.agent,
        loanFields({ title: `Perceuse, version ${index}` }),
        [],
        edit
      )
      assert.equal(saved.status, 302)
    }
    assert.equal(await count('posting_log'), 1)
  })

  test('messages: no links from a new account, but they do not count as posts', async ({
    assert,
  }) => {
    const { camille, conversationId } = await camilleWritesToLea()
    await accountAge(camille, 1)
    const before = await messageCount(conversationId)
    for (let index = 1; index <= 6; index++) {
      const sent = await reply(camille, conversationId, `Message numéro ${index}, à samedi.`)
      assert.equal(sent.status, 302)
    }
    const linked = await reply(camille, conversationId, 'Regardez https://promo.example.org')
    assert.equal(linked.status, 422)
    assert.include(textOf(linked), 'ne peuvent pas publier de liens')
    assert.equal(await messageCount(conversationId), before + 6)
    assert.equal(await count('posting_log'), 0)
  })

  test('operators are not limited', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    await accountAge(camille, 1)
    await db.from('users').where('id', camille.id).update({ role: 'operator' })
    await post(camille.agent, loanFields({ description: 'La notice est sur www.outils.fr ici.' }))
    assert.equal(await count('exchanges'), 1)
  })
})
