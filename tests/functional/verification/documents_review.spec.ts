import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import app from '@adonisjs/core/services/app'
import { QueueManager } from '@adonisjs/queue'
import db from '@adonisjs/lucid/services/db'
import { placeResident } from '#modules/neighbourhoods/index'
import RecordVerification from '#modules/verification/actions/record_verification'
import PurgeDocuments from '#modules/verification/commands/purge_documents'
import PurgeStaleDocuments from '#modules/verification/jobs/purge_stale_documents'
import {
  PURGE_SCHEDULE_ID,
  scheduleDocumentPurge,
} from '#modules/verification/services/documents/schedule'
import { createWorker, resolvedQueueConfig } from '#app/queue/in_process_worker'
import {
  CLIGNANCOURT,
  MODERATOR_QUEUE,
  OPERATOR_QUEUE,
  UPLOAD,
  VERIFY,
  documentViews,
  emptyDrive,
  placedResident,
  signedInModerator,
  signedInOperator,
  storedFiles,
  type Person,
} from '#tests/helpers/documents'
import { pdfBytes, pngBytes } from '#tests/helpers/files'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { freshStateForEachTest } from '#tests/helpers/state'

const REASON = 'Le document date de plus de trois mois : envoyez une facture récente.'

const review = (id: number) => `/verify/reviews/${id}`

/** The resident sends a proof (a PNG unless told) and gets the new document's id. */
async function send(person: Person, bytes?: Buffer, name = 'facture.png'): Promise<number> {
  const sent = await person.agent.upload(
    UPLOAD,
    {},
    { name, bytes: bytes ?? (await pngBytes()) },
    { from: VERIFY }
  )
  if (sent.status !== 302) throw new Error(`upload answered ${sent.status}`)
  const row = await db
    .from('address_documents')
    .where('user_id', person.id)
    .orderBy('id', 'desc')
    .firstOrFail()
  return Number(row.id)
}

function approve(reviewer: Person, id: number) {
  return reviewer.agent.submit(`${review(id)}/approve`, {}, { from: review(id) })
}

/** `reason: null` leaves the field out of the form. */
function reject(reviewer: Person, id: number, reason: string | null = REASON) {
  return reviewer.agent.submit(
    `${review(id)}/reject`,
    { reject_reason: reason ?? undefined },
    { from: review(id) }
  )
}

async function documentRow(id: number) {
  return db.from('address_documents').where('id', id).firstOrFail()
}

async function residentRow(userId: number) {
  return db.from('residents').where('user_id', userId).firstOrFail()
}

test.group('Proof-of-address documents: review', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })
  group.each.setup(() => emptyDrive())

  test('upload then approve: verified, reviewer recorded, file gone, outcome kept, mail sent', async ({
    assert,
  }) => {
    const camille = await placedResident('camille@example.org', { displayName: 'Camille Martin' })
    const operator = await signedInOperator()
    const id = await send(camille)
    assert.lengthOf(await storedFiles(), 1)

    /** The back-office queue: who, which address, where, when. */
    const queue = await operator.agent.get(OPERATOR_QUEUE)
    assert.equal(queue.status, 200)
    assert.include(queue.text, '1 justificatif en attente')
    assert.include(queue.text, 'Camille Martin')
    assert.include(queue.text, '12 rue des Écoles, 75005 Paris')
    assert.include(queue.text, 'Saint-Victor')
    assert.include(queue.text, `href="${review(id)}"`)
    assert.include(queue.text, 'aria-current="page"')

    const page = await operator.agent.get(review(id))
    assert.equal(page.status, 200)
    assert.include(page.text, 'Justificatif de Camille Martin')
    assert.include(page.text, `href="${review(id)}/file"`)
    assert.include(page.text, 'Personne n&#x27;a encore ouvert le fichier')

    /** The file, with headers that keep it from running or being cached. */
    const file = await operator.agent.get(`${review(id)}/file`)
    assert.equal(file.status, 200)
    assert.equal(file.headers.get('content-type'), 'image/png')
    assert.equal(file.headers.get('content-disposition'), `inline; filename="document-${id}.png"`)
    assert.equal(file.headers.get('cache-control'), 'no-store')
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff')
    assert.equal(file.headers.get('content-security-policy'), "default-src 'none'; sandbox")

    const approved = await approve(operator, id)
    assert.equal(approved.status, 302)
    assert.equal(approved.location, OPERATOR_QUEUE)

    assert.isNotNull((await residentRow(camille.id)).verified_at)
    const [verification] = await db.from('verifications').where('user_id', camille.id)
    assert.equal(verification.method, 'document')
    assert.equal(Number(verification.reviewer_id), operator.id)
    assert.equal(verification.address_label, '12 rue des Écoles, 75005 Paris')

    const document = await documentRow(id)
    assert.equal(document.status, 'approved')
    assert.equal(Number(document.reviewer_id), operator.id)
    assert.isNotNull(document.decided_at)
    assert.isNotNull(document.file_deleted_at)
    assert.isNull(document.storage_key)
    assert.isNull(document.content_type)
    assert.isNull(document.byte_size)
    assert.isNull(document.address_label)
    assert.deepEqual(await storedFiles(), [])

    const mail = await mailbox.waitFor('camille@example.org')
    assert.equal(mail.subject, 'Votre adresse est vérifiée')

    const after = await operator.agent.get(OPERATOR_QUEUE)
    assert.include(after.text, 'Justificatif accepté')
    assert.include(after.text, 'Aucun justificatif en attente')
    assert.include(after.text, 'accepté')
    /** Gone for good: the file route and the review page are 404 now. */
    assert.equal((await operator.agent.get(`${review(id)}/file`)).status, 404)
    assert.equal((await operator.agent.get(review(id))).status, 404)
  })

  test('a moderator rejects with a reason: file gone, reason mailed, a new upload allowed', async ({
    assert,
  }) => {
    const camille = await placedResident('camille@example.org')
    const karim = await signedInModerator('karim@example.org', 'saint-victor')
    const id = await send(camille)

    const queue = await karim.agent.get(MODERATOR_QUEUE)
    assert.equal(queue.status, 200)
    assert.include(queue.text, '1 justificatif en attente')
    assert.notInclude(queue.text, 'aria-label="Espace opérateurs"')

    const rejected = await reject(karim, id)
    assert.equal(rejected.status, 302)
    assert.equal(rejected.location, MODERATOR_QUEUE)

    const document = await documentRow(id)
    assert.equal(document.status, 'rejected')
    assert.equal(document.reject_reason, REASON)
    assert.equal(Number(document.reviewer_id), karim.id)
    assert.isNull(document.storage_key)
    assert.deepEqual(await storedFiles(), [])
    assert.isNull((await residentRow(camille.id)).verified_at)
    assert.lengthOf(await db.from('verifications'), 0)

    const mail = await mailbox.waitFor('camille@example.org')
    assert.equal(mail.subject, 'Votre justificatif de domicile a été refusé')
    assert.include(mail.text, REASON)

    const page = await camille.agent.get(VERIFY)
    assert.include(page.text, 'a été refusé')
    assert.include(page.text, 'Le document date de plus de trois mois')
    assert.include(page.text, 'name="document"')
    await send(camille, pdfBytes(), 'nouvelle-facture.pdf')
    assert.lengthOf(await storedFiles(), 1)
  })

  test('a moderator of another neighbourhood gets 404 on everything about the document', async ({
    assert,
  }) => {
    const camille = await placedResident('camille@example.org')
    const hugo = await placedResident('hugo@example.org', {
      at: CLIGNANCOURT,
      addressLabel: '6 rue Custine, 75018 Paris',
      displayName: 'Hugo Petit',
    })
    const karim = await signedInModerator('karim@example.org', 'clignancourt')
    const operator = await signedInOperator()
    const victor = await send(camille)
    const clignancourt = await send(hugo)

    /** Karim's queue holds Clignancourt's document only. */
    const queue = await karim.agent.get(MODERATOR_QUEUE)
    assert.include(queue.text, 'Hugo Petit')
    assert.notInclude(queue.text, '12 rue des Écoles')
    assert.notInclude(queue.text, review(victor))

    assert.equal((await karim.agent.get(review(victor))).status, 404)
    assert.equal((await karim.agent.get(`${review(victor)}/file`)).status, 404)
    await karim.agent.get(review(clignancourt))
    const token = karim.agent.csrfToken()
    const post = (path: string, fields: Record<string, string> = {}) =>
      karim.agent.request('POST', path, {
        body: new URLSearchParams({ _csrf: token, ...fields }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
    assert.equal((await post(`${review(victor)}/approve`)).status, 404)
    assert.equal((await post(`${review(victor)}/reject`, { reject_reason: REASON })).status, 404)
    /** Even with a bad reason: the 404 comes first. */
    assert.equal((await post(`${review(victor)}/reject`, { reject_reason: '' })).status, 404)
    assert.equal((await post(`${review(999999)}/approve`)).status, 404)

    assert.equal((await documentRow(victor)).status, 'pending')
    assert.isNull((await residentRow(camille.id)).verified_at)
    assert.lengthOf(await documentViews(), 0)
    assert.lengthOf(await storedFiles(), 2)

    /** A resident who moderates nothing: told the queue is not theirs, 404 on documents. */
    const other = await placedResident('lea@example.org', {
      at: { longitude: 2.3555, latitude: 48.8461 },
      addressLabel: '8 rue Cuvier, 75005 Paris',
    })
    const refused = await other.agent.get(MODERATOR_QUEUE)
    assert.equal(refused.status, 403)
    assert.include(refused.text, 'réservée aux modérateurs')
    assert.equal((await other.agent.get(review(victor))).status, 404)
    assert.equal((await other.agent.get(`${review(victor)}/file`)).status, 404)

    /** The back office is for operators; they see both. */
    assert.equal((await karim.agent.get(OPERATOR_QUEUE)).status, 403)
    const all = await operator.agent.get(OPERATOR_QUEUE)
    assert.include(all.text, '2 justificatifs en attente')
  })

  test('every opening of a file is logged with who and when', async ({ assert }) => {
    const camille = await placedResident('camille@example.org')
    const karim = await signedInModerator('karim@example.org', 'saint-victor')
    const operator = await signedInOperator()
    const id = await send(camille, pdfBytes(), 'facture.pdf')

    const pdf = await karim.agent.get(`${review(id)}/file`)
    assert.equal(pdf.status, 200)
    assert.equal(pdf.headers.get('content-type'), 'application/pdf')
    assert.equal(
      pdf.headers.get('content-disposition'),
      `attachment; filename="document-${id}.pdf"`
    )
    assert.equal(pdf.headers.get('content-security-policy'), "default-src 'none'; sandbox")
    assert.isTrue(pdf.text.startsWith('%PDF-'))
    await karim.agent.get(`${review(id)}/file`)
    await operator.agent.get(`${review(id)}/file`)

    const views = await documentViews()
    assert.deepEqual(
      views.map((view) => Number(view.viewer_id)),
      [karim.id, karim.id, operator.id]
    )
    views.forEach((view) => {
      assert.equal(Number(view.document_id), id)
      assert.isNotNull(view.viewed_at)
    })
    const page = await operator.agent.get(review(id))
    assert.include(page.text, 'id="document-views"')
    assert.include(page.text, 'Karim Modérateur')
    assert.include(page.text, 'Télécharger le PDF')
  })

  test('nobody reviews their own document, nor a housemate’s', async ({ assert }) => {
    const karim = await signedInModerator('karim@example.org', 'saint-victor')
    const id = await send(karim)

    const page = await karim.agent.get(review(id))
    assert.equal(page.status, 403)
    assert.include(page.text, 'propre justificatif')
    assert.equal((await karim.agent.get(`${review(id)}/file`)).status, 403)
    assert.equal((await approve(karim, id)).status, 403)
    const rejected = await karim.agent.submit(
      `${review(id)}/reject`,
      { reject_reason: REASON },
      { from: MODERATOR_QUEUE }
    )
    assert.equal(rejected.status, 403)
    assert.include(rejected.text, 'propre justificatif')

    /** A resident at the moderator's own address: another reviewer must look. */
    const housemate = await placedResident('nadia@example.org', {
      at: { longitude: 2.3522, latitude: 48.8468 },
      addressLabel: '3 rue Linné, 75005 Paris',
    })
    const other = await send(housemate)
    const same = await approve(karim, other)
    assert.equal(same.status, 403)
    assert.include(same.text, 'même adresse que vous')
    assert.equal((await karim.agent.get(`${review(other)}/file`)).status, 403)

    assert.equal((await documentRow(id)).status, 'pending')
    assert.equal((await documentRow(other)).status, 'pending')
    assert.lengthOf(await documentViews(), 0)
    assert.isNull((await residentRow(karim.id)).verified_at)
  })

  test('bad input on the reject form: 422 with a message, nothing changed', async ({ assert }) => {
    const camille = await placedResident('camille@example.org')
    const operator = await signedInOperator()
    const id = await send(camille)

    for (const [reason, message] of [
      [null, 'Indiquez la raison du refus'],
      ['', 'Indiquez la raison du refus'],
      ['   ', 'Indiquez la raison du refus'],
      ['Illisible', 'au moins 10 caractères'],
      ['x'.repeat(501), 'au plus 500 caractères'],
    ] as const) {
      const refused = await reject(operator, id, reason)
      assert.equal(refused.status, 422, `reason ${JSON.stringify(reason)}`)
      assert.include(refused.text, message)
      assert.include(refused.text, 'id="field-reject_reason-error"')
    }
    const document = await documentRow(id)
    assert.equal(document.status, 'pending')
    assert.isNull(document.reject_reason)
    assert.lengthOf(await storedFiles(), 1)
    assert.lengthOf(mailbox.to('camille@example.org'), 0)
  })

  test('a document is decided once: the second decision answers 409', async ({ assert }) => {
    const camille = await placedResident('camille@example.org')
    const operator = await signedInOperator()
    const karim = await signedInModerator('karim@example.org', 'saint-victor')
    const id = await send(camille)
    await karim.agent.get(review(id))
    assert.equal((await approve(operator, id)).status, 302)

    const token = karim.agent.csrfToken()
    const again = await karim.agent.request('POST', `${review(id)}/reject`, {
      body: new URLSearchParams({ _csrf: token, reject_reason: REASON }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    assert.equal(again.status, 409)
    assert.include(again.text, 'déjà été traité (statut : accepté)')
    const twice = await karim.agent.request('POST', `${review(id)}/approve`, {
      body: new URLSearchParams({ _csrf: token }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    assert.equal(twice.status, 409)
    assert.equal((await documentRow(id)).status, 'approved')
    assert.lengthOf(await db.from('verifications'), 1)
  })

  test('a resident who moved cannot be approved on the old address; one verified meanwhile is closed', async ({
    assert,
  }) => {
    const camille = await placedResident('camille@example.org')
    const lea = await placedResident('lea@example.org', {
      at: { longitude: 2.3555, latitude: 48.8461 },
      addressLabel: '8 rue Cuvier, 75005 Paris',
    })
    const operator = await signedInOperator()
    const moved = await send(camille)
    const verifiedMeanwhile = await send(lea)

    await placeResident(camille.id, {
      longitude: 2.3556,
      latitude: 48.8462,
      addressLabel: '10 rue Cuvier, 75005 Paris',
      placement: 'geocoder',
    })
    const refused = await approve(operator, moved)
    assert.equal(refused.status, 409)
    assert.include(refused.text, 'changé d&#x27;adresse')
    assert.equal((await documentRow(moved)).status, 'pending')
    assert.isNull((await residentRow(camille.id)).verified_at)

    await db.transaction((trx) =>
      new RecordVerification().execute({ userId: lea.id, method: 'postcard' }, trx)
    )
    const page = await operator.agent.get(review(verifiedMeanwhile))
    assert.include(page.text, 'vérifiée par un autre moyen entre-temps')
    const closed = await approve(operator, verifiedMeanwhile)
    assert.equal(closed.status, 302)
    const document = await documentRow(verifiedMeanwhile)
    assert.equal(document.status, 'closed')
    assert.isNull(document.storage_key)
    const [verification] = await db.from('verifications').where('user_id', lea.id)
    assert.equal(verification.method, 'postcard')
    assert.lengthOf(await storedFiles(), 1)
  })

  test('documents nobody decided on are deleted after 30 days, and the resident told', async ({
    assert,
  }) => {
    const camille = await placedResident('camille@example.org')
    const lea = await placedResident('lea@example.org', {
      at: { longitude: 2.3555, latitude: 48.8461 },
      addressLabel: '8 rue Cuvier, 75005 Paris',
    })
    const stale = await send(camille)
    const recent = await send(lea)
    const day = 24 * 3600 * 1000
    await db
      .from('address_documents')
      .where('id', stale)
      .update({ created_at: new Date(Date.now() - 31 * day) })
    await db
      .from('address_documents')
      .where('id', recent)
      .update({ created_at: new Date(Date.now() - 29 * day) })
    const recentKey = (await documentRow(recent)).storage_key

    ace.ui.switchMode('raw')
    const command = await ace.create(PurgeDocuments, [])
    await command.exec()
    ace.ui.switchMode('normal')
    assert.equal(command.exitCode, 0)

    const expired = await documentRow(stale)
    assert.equal(expired.status, 'expired')
    assert.isNull(expired.storage_key)
    assert.isNotNull(expired.file_deleted_at)
    assert.isNull(expired.reviewer_id)
    assert.deepEqual(await storedFiles(), [recentKey])
    assert.equal((await documentRow(recent)).status, 'pending')

    const mail = await mailbox.waitFor('camille@example.org')
    assert.equal(mail.subject, 'Votre justificatif de domicile a été supprimé')
    assert.include(mail.text, '30 jours')
    const page = await camille.agent.get(VERIFY)
    assert.include(page.text, 'n&#x27;a pas pu être examiné à temps')
    assert.include(page.text, 'name="document"')

    /** The hourly job does the same; running it again changes nothing. */
    await new PurgeStaleDocuments().execute()
    assert.deepEqual(await storedFiles(), [recentKey])
    assert.lengthOf(mailbox.to('camille@example.org'), 1)
  })

  test('the purge is an hourly schedule of the job queue, run by a worker', async ({
    assert,
    cleanup,
  }) => {
    const camille = await placedResident('camille@example.org')
    const stale = await send(camille)
    await db
      .from('address_documents')
      .where('id', stale)
      .update({ created_at: new Date(Date.now() - 31 * 24 * 3600 * 1000) })

    /** The suite runs jobs inline (sync); the web process uses the database adapter. */
    await QueueManager.init(await resolvedQueueConfig(app, { adapter: 'database' }))
    /** Cleanups run in reverse: the worker stops first, then back to the inline adapter. */
    cleanup(async () => {
      await QueueManager.init(await resolvedQueueConfig(app))
    })
    await scheduleDocumentPurge()
    await scheduleDocumentPurge()
    const schedules = await db.from('queue_schedules')
    assert.lengthOf(schedules, 1)
    assert.equal(schedules[0].id, PURGE_SCHEDULE_ID)
    assert.equal(schedules[0].name, 'PurgeStaleDocuments')
    assert.equal(schedules[0].cron_expression, '7 * * * *')
    assert.isAbove(new Date(schedules[0].next_run_at).getTime(), Date.now())

    /** Due now: a worker fires it and the stale document goes. */
    await db
      .from('queue_schedules')
      .where('id', PURGE_SCHEDULE_ID)
      .update({ next_run_at: new Date(Date.now() - 60_000) })
    const worker = await createWorker(app, { adapter: 'database' })
    const running = worker.start(['default'])
    cleanup(async () => {
      await worker.stop()
      await running
    })
    const deadline = Date.now() + 10_000
    while ((await documentRow(stale)).status === 'pending' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    assert.equal((await documentRow(stale)).status, 'expired')
    assert.deepEqual(await storedFiles(), [])
  })
})
