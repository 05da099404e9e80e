import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import db from '@adonisjs/lucid/services/db'
import type { Browser, Page } from 'playwright'
import CloseDueCampaigns from '#modules/group_buys/actions/close_due_campaigns'
import { liveSettled, signIn, watchErrors } from '#tests/helpers/browser'
import { verifiedResident } from '#tests/helpers/community'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { parseCsv } from '#tests/helpers/group_buys'
import { freshStateForEachTest } from '#tests/helpers/state'

/** Intl writes "550,5 kg" and "176,16 €" with narrow and plain no-break spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')

/** A day `days` from today, 'YYYY-MM-DD' (Paris), as a date input takes it. */
function dayFromNow(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(
    new Date(Date.now() + days * 86_400_000)
  )
}

/** Another browser (its own cookies), signed in as `email`. */
async function neighbourBrowser(
  browser: Browser,
  email: string,
  errors: string[],
  cleanup: (handler: () => Promise<void>) => void
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: `http://${process.env.HOST}:${process.env.PORT}`,
    locale: 'fr-FR',
  })
  cleanup(() => context.close())
  const page = await context.newPage()
  watchErrors(page, errors)
  await signIn(page, email)
  return page
}

/** A neighbour pledges on the campaign page, through the form. */
async function pledge(page: Page, path: string, quantity: string) {
  await page.goto(path)
  await page.getByLabel('Quantité, en kilogrammes (kg)').fill(quantity)
  await liveSettled(page)
  await page.getByRole('button', { name: 'Réserver', exact: true }).click()
  await page.getByText('Réservation enregistrée.').waitFor()
}

test.group('A pellets group buy in real browsers', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('an organiser opens it, two neighbours pledge, the bar crosses the threshold live, the order sheet downloads, pickup is ticked', async ({
    browser,
    browserContext,
    cleanup,
    assert,
  }) => {
    await verifiedResident('sophie@example.org', {
      displayName: 'Sophie Bernard',
      addressLabel: '1 rue Linné, 75005 Paris',
    })
    await verifiedResident('camille@example.org', {
      displayName: 'Camille Martin',
      addressLabel: '12 rue Linné, 75005 Paris',
    })
    await verifiedResident('karim@example.org', {
      displayName: 'Karim Benali',
      addressLabel: '3 rue Cuvier, 75005 Paris',
    })
    const errors: string[] = []

    /** The organiser writes the campaign (0,35 €/kg, 0,32 € from 500 kg, at least 500 kg) and opens it. */
    const organiser = await browserContext.newPage()
    watchErrors(organiser, errors)
    await signIn(organiser, 'sophie@example.org')
    await organiser.goto('/group-buys/new')
    await organiser.getByLabel('Titre').fill('Granulés de bois pour cet hiver')
    await organiser.getByLabel('Produit', { exact: true }).fill('Granulés DIN+ en sacs de 15 kg')
    await organiser.getByLabel('Unité de commande').selectOption('kg')
    await organiser.getByLabel('Nom du fournisseur').fill('Bois Énergie Île-de-France')
    await organiser.getByLabel('Prix de base par unité, en euros').fill('0,35')
    await organiser.getByLabel('Palier 1 : à partir de (quantité totale)').fill('500')
    await organiser.getByLabel('Palier 1 : prix par unité, en euros').fill('0,32')
    await organiser.getByLabel('Quantité totale minimum').fill('500')
    await organiser.getByLabel('Date limite des réservations').fill(dayFromNow(7))
    await organiser.getByLabel('Heure limite').fill('18:00')
    await organiser.getByLabel('Lieu', { exact: true }).fill('Cour de l’école Saint-Victor')
    await organiser.getByLabel('Retrait ou livraison à partir du').fill(dayFromNow(10))
    await organiser.getByLabel('Jusqu’au').fill(dayFromNow(12))
    await organiser.getByRole('button', { name: 'Enregistrer le brouillon' }).click()
    await organiser.waitForURL(/\/group-buys\/\d+$/)
    const campaignPath = new URL(organiser.url()).pathname
    const id = Number(campaignPath.split('/').pop())
    await liveSettled(organiser)
    await organiser.getByRole('button', { name: 'Ouvrir l’achat groupé' }).click()
    await organiser.getByText('L’achat groupé est ouvert').waitFor()
    await organiser.waitForSelector('html[data-live-group-buy="subscribed"]')
    assert.isFalse(await organiser.locator('#threshold-reached').isVisible())
    /** Anything reloading the page would drop this mark. */
    await organiser.evaluate(() => {
      document.body.dataset.stillTheSamePage = 'yes'
    })

    /** Camille pledges 300 kg in her browser: the organiser's bar moves, below the threshold. */
    const camille = await neighbourBrowser(browser, 'camille@example.org', errors, cleanup)
    await pledge(camille, campaignPath, '300')
    await organiser
      .locator('#progress-total')
      .filter({ hasText: /300\skg réservés sur les 500\skg nécessaires \(60 %\)/ })
      .waitFor()
    assert.isFalse(await organiser.locator('#threshold-reached').isVisible())

    /** Karim pledges 250,5 kg in his: the threshold is crossed on the organiser's open page. */
    const karim = await neighbourBrowser(browser, 'karim@example.org', errors, cleanup)
    await pledge(karim, campaignPath, '250,5')
    await organiser.locator('#threshold-reached').getByText('Seuil atteint').waitFor()
    assert.equal(
      Number(await organiser.locator('#threshold-progress').getAttribute('value')),
      Number(await organiser.locator('#threshold-progress').getAttribute('max'))
    )
    assert.match(
      plain(await organiser.locator('#current-price').innerText()),
      /Prix actuel : 0,32 € le kg/
    )
    assert.equal(await organiser.evaluate(() => document.body.dataset.stillTheSamePage), 'yes')

    /** The deadline passes and the closing job runs; the organiser confirms with the supplier. */
    await db
      .from('group_buys')
      .where('id', id)
      .update({ deadline: new Date(Date.now() - 60_000) })
    assert.deepEqual(await new CloseDueCampaigns().execute(), { closed: 1, failed: 0 })
    await organiser.reload()
    await liveSettled(organiser)
    await organiser.getByRole('button', { name: 'Le fournisseur a confirmé' }).click()
    await organiser.getByText('Commande confirmée ; les participants sont prévenus.').waitFor()

    /** The order sheet, from the organiser's panel: on screen, then downloaded. */
    await organiser.getByRole('link', { name: 'Bon de commande pour le fournisseur' }).click()
    await organiser.getByRole('heading', { name: 'Bon de commande : Granulés de bois' }).waitFor()
    assert.equal(
      plain(await organiser.locator('#order-sheet-total-amount').innerText()),
      '176,16 €'
    )
    const [download] = await Promise.all([
      organiser.waitForEvent('download'),
      organiser.getByRole('link', { name: 'Télécharger le tableau (CSV)' }).click(),
    ])
    assert.equal(download.suggestedFilename(), `bon-de-commande-${id}.csv`)
    const bytes = await readFile(await download.path())
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes))
    const summary = new Map(rows.map(([label, value]) => [label, value]))
    assert.equal(summary.get('Campagne'), 'Granulés de bois pour cet hiver')
    assert.equal(summary.get('État de la campagne'), 'confirmée')
    assert.equal(summary.get('Palier atteint'), 'à partir de 500 kg')
    assert.equal(summary.get('Prix unitaire en € (le kg)'), '0,32')
    /** 250.5 kg × 0.32 = 80.16 €; 300 kg × 0.32 = 96 €; 550.5 kg × 0.32 = 176.16 €. */
    const table = rows.slice(rows.findIndex((row) => row[0] === 'N°') + 1)
    assert.deepEqual(table, [
      ['1', 'Karim Benali', 'rue Cuvier', '250,5', '0,32', '80,16'],
      ['2', 'Camille Martin', 'rue Linné', '300', '0,32', '96,00'],
      ['Total', '2 foyers, 2 participants', '', '550,5', '0,32', '176,16'],
    ])

    /** At pickup, the organiser ticks Karim's share as collected and paid, hand to hand. */
    await organiser.getByRole('link', { name: 'Liste de retrait' }).click()
    await liveSettled(organiser)
    await organiser.getByRole('button', { name: 'Noter le retrait : Karim Benali' }).click()
    await organiser.getByText('Karim Benali : retrait noté.').waitFor()
    await liveSettled(organiser)
    await organiser.getByRole('button', { name: 'Noter le paiement : Karim Benali' }).click()
    await organiser.getByText('Karim Benali : paiement noté.').waitFor()
    assert.equal(
      plain(await organiser.locator('#pickup-totals').innerText()).replace(/\s+/g, ' '),
      'Retraits : 1 sur 2 Paiements : 1 sur 2, soit 80,16 € reçus sur 176,16 €'
    )
    assert.deepEqual(errors, [])
  })
})
