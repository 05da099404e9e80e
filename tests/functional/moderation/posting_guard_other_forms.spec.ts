import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { textOf } from '#tests/helpers/page_text'
import { raiseAlert, withAlertProviders } from '#tests/helpers/alerts'
import { verifiedResident } from '#tests/helpers/community'
import { draft, pelletFields, submitCampaign } from '#tests/functional/group_buys/support'
import {
  account,
  createOrganisation,
  markVerified,
  post,
  shopFields,
} from '#tests/functional/organisations/support'

async function count(table: string, where: Record<string, unknown> = {}): Promise<number> {
  const row = await db.from(table).where(where).count('* as total').first()
  return Number(row.total)
}

const LINKS_REFUSED = 'ne peuvent pas publier de liens'
const REMINDER = 'Certains mots de votre texte pourraient blesser vos voisins'

test.group('Moderation: new residents on the other publishing forms', (group) => {
  withAlertProviders(group)

  test('alerts: no link from a new account, the reminder for an insult, counted once raised', async ({
    assert,
  }) => {
    const camille = await verifiedResident('camille@example.org', { accountAgeDays: 0 })
    const linked = await raiseAlert(camille.agent, {
      alert_text: 'Arnaque en cours, détails sur www.arnaque-info.fr maintenant.',
    })
    assert.equal(linked.status, 422)
    assert.include(textOf(linked), LINKS_REFUSED)
    assert.include(linked.text, 'www.arnaque-info.fr')

    const rude = await raiseAlert(camille.agent, {
      alert_text: 'Un abruti a forcé la porte du local vélos, 12 rue Linné.',
    })
    assert.equal(rude.status, 422)
    assert.include(textOf(rude), REMINDER)
    assert.equal(await count('alerts'), 0)

    const raised = await raiseAlert(camille.agent)
    assert.equal(raised.status, 302)
    assert.equal(await count('posting_log', { user_id: camille.id, kind: 'alert' }), 1)
  })

  test('group buys: a supplier link is refused from a new account; a draft counts', async ({
    assert,
  }) => {
    const camille = await verifiedResident('camille@example.org', { accountAgeDays: 2 })
    const linked = await submitCampaign(
      camille.agent,
      pelletFields({ supplier_contact: 'https://bois-energie.example.com' })
    )
    assert.equal(linked.status, 422)
    assert.include(textOf(linked), LINKS_REFUSED)
    assert.include(linked.text, 'value="https://bois-energie.example.com"')
    await draft(camille.agent)
    assert.equal(await count('posting_log', { user_id: camille.id, kind: 'group_buy' }), 1)
  })

  test('notice replies: five a day for a new account, no links', async ({ assert }) => {
    const clerk = await account('Agent')
    const hallId = await createOrganisation(
      clerk.agent,
      shopFields({
        kind: 'town_hall',
        name: 'Mairie de Paris',
        siret: '',
        address_label: 'Place de l’Hôtel-de-Ville, 75004 Paris',
      })
    )
    await markVerified(hallId)
    const sent = await post(
      clerk.agent,
      `/organisations/${hallId}/notices`,
      { title: 'Travaux rue Linné', text: 'La rue Linné est fermée lundi.', audience: 'town' },
      `/organisations/${hallId}/notices/new`
    )
    assert.equal(sent.status, 302)
    const noticeId = Number((await db.from('notices').firstOrFail()).id)
    const path = `/organisations/${hallId}/notices/${noticeId}`

    const victor = await verifiedResident('victor@example.org', { accountAgeDays: 1 })
    const answer = (text: string) =>
      post(victor.agent, `${path}/replies`, { reply_text: text }, path)
    const linked = await answer('Plus d’infos sur paris.fr ?')
    assert.equal(linked.status, 422)
    assert.include(textOf(linked), LINKS_REFUSED)
    for (let index = 1; index <= 5; index++) {
      assert.equal((await answer(`Merci, question numéro ${index}`)).status, 302)
    }
    const sixth = await answer('Une sixième question')
    assert.equal(sixth.status, 429)
    assert.include(textOf(sixth), '5 contenus par 24 heures')
    assert.equal(await count('notice_replies'), 5)
  })
})
