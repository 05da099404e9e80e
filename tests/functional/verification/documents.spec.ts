import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { readFile } from 'node:fs/promises'
import sharp from 'sharp'
import RecordVerification from '#modules/verification/actions/record_verification'
import {
  UPLOAD,
  VERIFY,
  WITHDRAW,
  documents,
  driveRoot,
  emptyDrive,
  placedResident,
  signedInOperator,
  storedFiles,
} from '#tests/helpers/documents'
import {
  EXIF_MARKER,
  PHP_PAYLOAD,
  bytesOfSize,
  jpegBytes,
  pdfBytes,
  pngBytes,
  pngWithPhpPayload,
} from '#tests/helpers/files'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { createResident, signIn } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'
import { Agent } from '#tests/helpers/agent'

const MB = 1024 * 1024

function upload(agent: Agent, file: { name: string; type?: string; bytes: Uint8Array }) {
  return agent.upload(UPLOAD, {}, file, { from: VERIFY })
}

async function stored(key: string): Promise<Buffer> {
  return readFile(`${driveRoot()}/${key}`)
}

test.group('Proof-of-address documents: upload', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })
  group.each.setup(() => emptyDrive())

  test('the panel says what counts as a proof and shows the form', async ({ assert }) => {
    const camille = await placedResident('camille@example.org')
    const page = await camille.agent.get(VERIFY)
    assert.equal(page.status, 200)
    assert.include(page.text, 'quittance de loyer')
    assert.include(page.text, 'moins de 3 mois')
    assert.include(page.text, 'enctype="multipart/form-data"')
    assert.include(page.text, 'name="document"')
    assert.include(page.text, 'PDF, JPEG ou PNG, 5 Mo au plus')
    /** The CSRF field comes before the file field in the upload form. */
    const form = page.text.slice(page.text.indexOf(`action="${UPLOAD}"`))
    assert.isBelow(form.indexOf('name="_csrf"'), form.indexOf('name="document"'))
  })

  test('a photo is stored re-encoded under a random name, and the panel says it is pending', async ({
    assert,
  }) => {
    const camille = await placedResident('camille@example.org')
    const photo = await jpegBytes({ width: 60, height: 40, orientation: 6 })
    const sent = await upload(camille.agent, {
      name: 'facture edf.jpg',
      type: 'image/jpeg',
      bytes: photo,
    })
    assert.equal(sent.status, 302)
    assert.equal(sent.location, '/verify#document')

    const [document] = await documents()
    assert.equal(document.status, 'pending')
    assert.equal(Number(document.user_id), camille.id)
    assert.equal(document.address_label, '12 rue des Écoles, 75005 Paris')
    assert.equal(document.content_type, 'image/jpeg')
    assert.match(document.storage_key, /^address-documents\/[0-9a-f-]{36}\.jpg$/)
    assert.notInclude(document.storage_key, 'facture')
    assert.deepEqual(await storedFiles(), [document.storage_key])

    /** Upright (orientation applied), no EXIF left, GPS or otherwise. */
    const bytes = await stored(document.storage_key)
    const meta = await sharp(bytes).metadata()
    assert.equal(meta.format, 'jpeg')
    assert.equal(meta.width, 40)
    assert.equal(meta.height, 60)
    assert.isUndefined(meta.exif)
    assert.isUndefined(meta.orientation)
    assert.isFalse(bytes.includes(EXIF_MARKER))
    assert.isFalse(bytes.includes('PhoneMaker'))
    assert.equal(Number(document.byte_size), bytes.length)

    const page = await camille.agent.get(VERIFY)
    assert.include(page.text, 'Votre justificatif est envoyé')
    assert.include(page.text, 'en cours d&#x27;examen depuis le')
    assert.notInclude(page.text, 'name="document"')
  })

  test('a PNG carrying a PHP payload is neutralised: valid PNG, no script, no EXIF', async ({
    assert,
  }) => {
    const camille = await placedResident('camille@example.org')
    const evil = await pngWithPhpPayload()
    assert.isTrue(evil.includes('<?php'))
    const sent = await upload(camille.agent, { name: 'shell.php.png', bytes: evil })
    assert.equal(sent.status, 302)

    const [document] = await documents()
    assert.equal(document.content_type, 'image/png')
    assert.match(document.storage_key, /\.png$/)
    const bytes = await stored(document.storage_key)
    assert.isFalse(bytes.includes('<?php'))
    assert.isFalse(bytes.includes(PHP_PAYLOAD))
    assert.isFalse(bytes.includes(EXIF_MARKER))
    const meta = await sharp(bytes).metadata()
    assert.equal(meta.format, 'png')
    assert.equal(meta.width, 64)
    assert.isUndefined(meta.exif)
    assert.isUndefined(meta.comments)
    /** Ends right after IEND: nothing appended. */
    assert.equal(bytes.subarray(-8, -4).toString('latin1'), 'IEND')
  })

  test('a PDF renamed .png is stored and served as a PDF (the content decides)', async ({
    assert,
  }) => {
    const camille = await placedResident('camille@example.org')
    const pdf = pdfBytes()
    const sent = await upload(camille.agent, { name: 'photo.png', type: 'image/png', bytes: pdf })
    assert.equal(sent.status, 302)
    const [document] = await documents()
    assert.equal(document.content_type, 'application/pdf')
    assert.match(document.storage_key, /\.pdf$/)
    assert.deepEqual(await stored(document.storage_key), pdf)

    const operator = await signedInOperator()
    const served = await operator.agent.get(`/verify/reviews/${document.id}/file`)
    assert.equal(served.headers.get('content-type'), 'application/pdf')
    assert.match(served.headers.get('content-disposition') ?? '', /^attachment; .*\.pdf"$/)
  })

  test('an HTML page renamed .pdf is refused with the accepted types; nothing stored', async ({
    assert,
  }) => {
    const camille = await placedResident('camille@example.org')
    const html = Buffer.from('<!doctype html><script>alert(document.cookie)</script>')
    const sent = await upload(camille.agent, {
      name: 'facture.pdf',
      type: 'application/pdf',
      bytes: html,
    })
    assert.equal(sent.status, 422)
    assert.include(sent.text, 'ni un PDF, ni une image JPEG ou PNG')
    assert.include(sent.text, 'id="field-document-error"')
    assert.lengthOf(await documents(), 0)
    assert.deepEqual(await storedFiles(), [])
  })

  test('a 6 MB file is refused with a clear message and nothing is stored', async ({ assert }) => {
    const camille = await placedResident('camille@example.org')
    const sent = await upload(camille.agent, {
      name: 'scan.png',
      type: 'image/png',
      bytes: bytesOfSize(6 * MB),
    })
    assert.equal(sent.status, 422)
    assert.include(sent.text, '5 Mo au plus')
    assert.include(sent.text, 'trop lourd')
    assert.lengthOf(await documents(), 0)
    assert.deepEqual(await storedFiles(), [])
  })

  test('a body over the 10 MB limit answers 413 with a clear page (or JSON)', async ({
    assert,
  }) => {
    const camille = await placedResident('camille@example.org')
    const big = { name: 'scan.png', type: 'image/png', bytes: bytesOfSize(11 * MB) }
    const page = await upload(camille.agent, big)
    assert.equal(page.status, 413)
    assert.include(page.text, 'Envoi trop volumineux')
    assert.include(page.text, '10 Mo au plus par envoi')

    /** The body parser refuses before anything else: a guest asking for JSON gets JSON. */
    const form = new FormData()
    form.set('document', new Blob([new Uint8Array(big.bytes)]), big.name)
    const json = await new Agent('en').request('POST', UPLOAD, {
      body: form,
      headers: { accept: 'application/json' },
    })
    assert.equal(json.status, 413)
    assert.include(JSON.parse(json.text).message, 'at most 10 MB per form')
    assert.lengthOf(await documents(), 0)
    assert.deepEqual(await storedFiles(), [])
  })

  test('a PDF with active content or without its end is refused', async ({ assert }) => {
    const camille = await placedResident('camille@example.org')
    const scripted = pdfBytes({
      catalogExtra: '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>',
    })
    const refused = await upload(camille.agent, { name: 'facture.pdf', bytes: scripted })
    assert.equal(refused.status, 422)
    assert.include(refused.text, 'contenu actif')

    const truncated = pdfBytes().subarray(0, 200)
    const incomplete = await upload(camille.agent, { name: 'facture.pdf', bytes: truncated })
    assert.equal(incomplete.status, 422)
    assert.include(incomplete.text, 'incomplet')
    assert.lengthOf(await documents(), 0)
    assert.deepEqual(await storedFiles(), [])
  })

  test('no file, or a text field instead of a file, is refused', async ({ assert }) => {
    const camille = await placedResident('camille@example.org')
    const none = await camille.agent.submit(UPLOAD, { document: 'facture.pdf' }, { from: VERIFY })
    assert.equal(none.status, 422)
    assert.include(none.text, 'Choisissez le fichier de votre justificatif')
    assert.lengthOf(await documents(), 0)
  })

  test('one pending document at a time; a withdrawn one is deleted at once', async ({ assert }) => {
    const camille = await placedResident('camille@example.org')
    const first = await upload(camille.agent, { name: 'a.png', bytes: await pngBytes() })
    assert.equal(first.status, 302)
    const second = await upload(camille.agent, { name: 'b.png', bytes: await pngBytes() })
    assert.equal(second.status, 409)
    assert.include(second.text, 'déjà un justificatif en cours d&#x27;examen')
    assert.lengthOf(await documents(), 1)
    assert.lengthOf(await storedFiles(), 1)

    const withdrawn = await camille.agent.submit(WITHDRAW, {}, { from: VERIFY })
    assert.equal(withdrawn.status, 302)
    const [document] = await documents()
    assert.equal(document.status, 'withdrawn')
    assert.isNull(document.storage_key)
    assert.isNull(document.address_label)
    assert.isNotNull(document.file_deleted_at)
    assert.deepEqual(await storedFiles(), [])

    const again = await upload(camille.agent, { name: 'c.png', bytes: await pngBytes() })
    assert.equal(again.status, 302)
    assert.lengthOf(await storedFiles(), 1)

    const nothing = await new Agent().request('POST', WITHDRAW)
    assert.oneOf(nothing.status, [302, 403])
  })

  test('residents without a home, or already verified, are refused; nothing stored', async ({
    assert,
  }) => {
    await createResident({ email: 'nomad@example.org' })
    const nomad = new Agent()
    await signIn(nomad, 'nomad@example.org')
    await nomad.get(VERIFY)
    const unplaced = await nomad.upload(UPLOAD, {}, { name: 'a.png', bytes: await pngBytes() })
    assert.equal(unplaced.status, 409)
    assert.include(unplaced.text, 'Indiquez d&#x27;abord où vous habitez')

    const camille = await placedResident('camille@example.org')
    await db.transaction((trx) =>
      new RecordVerification().execute({ userId: camille.id, method: 'postcard' }, trx)
    )
    await camille.agent.get(VERIFY)
    const verified = await camille.agent.upload(
      UPLOAD,
      {},
      { name: 'a.png', bytes: await pngBytes() }
    )
    assert.equal(verified.status, 409)
    assert.include(verified.text, 'déjà vérifiée')
    assert.lengthOf(await documents(), 0)
    assert.deepEqual(await storedFiles(), [])
  })

  test('an upload without its CSRF token is refused and stores nothing', async ({ assert }) => {
    const camille = await placedResident('camille@example.org')
    const sent = await camille.agent.upload(
      UPLOAD,
      {},
      { name: 'a.png', bytes: await pngBytes() },
      { csrf: false }
    )
    assert.equal(sent.status, 403)
    assert.include(sent.text, 'Formulaire expiré')
    assert.lengthOf(await documents(), 0)
    assert.deepEqual(await storedFiles(), [])
  })

  test('a failed insert leaves no file behind', async ({ assert, cleanup }) => {
    const camille = await placedResident('camille@example.org')
    await db.rawQuery(`
      CREATE OR REPLACE FUNCTION refuse_document_insert() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'insert refused for the test'; END $$ LANGUAGE plpgsql
    `)
    await db.rawQuery(`
      CREATE TRIGGER refuse_document_insert BEFORE INSERT ON address_documents
        FOR EACH ROW EXECUTE FUNCTION refuse_document_insert()
    `)
    cleanup(async () => {
      await db.rawQuery('DROP TRIGGER IF EXISTS refuse_document_insert ON address_documents')
      await db.rawQuery('DROP FUNCTION IF EXISTS refuse_document_insert()')
    })
    const sent = await upload(camille.agent, { name: 'a.png', bytes: await pngBytes() })
    assert.equal(sent.status, 500)
    assert.lengthOf(await documents(), 0)
    assert.deepEqual(await storedFiles(), [])
  })

  test('uploads are rate limited per resident', async ({ assert }) => {
    const camille = await placedResident('camille@example.org')
    const junk = { name: 'a.txt', bytes: Buffer.from('not a document') }
    for (let i = 0; i < 10; i++) {
      assert.equal((await upload(camille.agent, junk)).status, 422)
    }
    const limited = await upload(camille.agent, junk)
    assert.equal(limited.status, 429)
  })
})
