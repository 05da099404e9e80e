import { test } from '@japa/runner'
import { sendMessage, startConversation } from '#modules/messaging/index'
import { verifiedResident } from '#tests/helpers/community'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { PASSWORD } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'
import { watchErrors } from '#tests/helpers/browser'

test.group('Messages arrive live in a real browser', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('an open thread shows a new message as text; the header count follows', async ({
    browserContext,
    assert,
  }) => {
    const camille = await verifiedResident('camille@example.org', { displayName: 'Camille Martin' })
    const lea = await verifiedResident('lea@example.org', { displayName: 'Léa Dubois' })
    const drill = await startConversation({
      from: camille.id,
      to: lea.id,
      subject: { type: 'exchange', id: 12, title: 'Perceuse à prêter', url: '/exchanges/12' },
      firstMessage: 'Bonjour, elle est libre samedi ?',
    })
    const errors: string[] = []
    const page = await browserContext.newPage()
    watchErrors(page, errors)

    await page.goto('/login')
    await page.getByLabel('Adresse e-mail').fill('lea@example.org')
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.waitForSelector('html[data-live="subscribed"]')
    await page.getByRole('link', { name: 'Messages : 1 message non lu' }).waitFor()

    await page.goto(`/messages/${drill}`)
    await page.waitForSelector('html[data-live="subscribed"]')
    await page.getByRole('link', { name: 'Messages : aucun message non lu' }).waitFor()

    await sendMessage({
      conversationId: drill,
      senderId: camille.id,
      body: 'Je passe à 10 h.\n<img src=x onerror=alert(1)>',
    })
    const list = page.getByRole('list', { name: 'Messages, du plus ancien au plus récent' })
    await list.getByText('<img src=x onerror=alert(1)>').waitFor()
    assert.equal(await list.locator('li').count(), 2)
    assert.equal(await list.locator('img').count(), 0)
    await page.locator('#live-inbox').getByText('Nouveau message de Camille M.').waitFor()
    /** Read where it appeared: the header shows no count. */
    await page.getByRole('link', { name: 'Messages : aucun message non lu' }).waitFor()

    /** A message in another conversation only raises the header count. */
    const direct = await startConversation({ from: camille.id, to: lea.id })
    await sendMessage({ conversationId: direct, senderId: camille.id, body: 'Autre chose' })
    await page.getByRole('link', { name: 'Messages : 1 message non lu' }).waitFor()
    assert.equal((await page.locator('[data-unread-count]').textContent())?.trim(), '(1)')
    assert.equal(await list.locator('li').count(), 2)
    assert.deepEqual(errors, [])
  })
})
