import { test } from '@japa/runner'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import {
  CARD_FIELDS,
  OPERATOR_PAGE,
  askForCard,
  codesOnPrintPage,
  createBatch,
  placedResident,
  postcardRows,
  signedInOperator,
} from '#tests/functional/verification/postcards_support'

test.group('Postcards: the CSV for the mailing house', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('UTF-8 with BOM, header, proper quoting, formulas neutralised', async ({ assert }) => {
    const mischief = await placedResident()
    await askForCard(mischief.agent, {
      ...CARD_FIELDS,
      postcard_name: '=HYPERLINK("http://evil.example";"Voir")',
      postcard_complement: '@SUM(A1); chez "Lulu"',
      postcard_street: '12 rue des Écoles',
    })
    const plain = await placedResident({ addressLabel: '14 rue des Écoles, 75005 Paris' })
    await askForCard(plain.agent, {
      postcard_name: 'Hugo Petit',
      postcard_street: '14 rue des Écoles',
      postcard_postcode: '75005',
      postcard_town: 'Paris',
    })
    const operator = await signedInOperator()
    const { response, id } = await createBatch(operator.agent)
    const codes = codesOnPrintPage((await operator.agent.get(response.location!)).text)
    const [first, second] = await postcardRows()

    const csv = await operator.agent.get(`${OPERATOR_PAGE}/batches/${id}/csv`)
    assert.equal(csv.status, 200)
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8')
    assert.equal(
      csv.headers.get('content-disposition'),
      `attachment; filename="cartes-postales-lot-${id}.csv"`
    )
    assert.equal(csv.headers.get('cache-control'), 'no-store')
    /** fetch's text() drops the BOM: read it from the bytes. */
    const bytes = new Uint8Array(
      await (
        await fetch(new URL(`${OPERATOR_PAGE}/batches/${id}/csv`, operator.agent.baseUrl), {
          headers: { cookie: [...operator.agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
        })
      ).arrayBuffer()
    )
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf])

    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n')
    assert.equal(lines[0], 'reference;recipient_name;complement;street;postcode;town;country;code')
    assert.equal(lines[lines.length - 1], '', 'ends with CRLF')
    assert.lengthOf(lines, 4)
    const byReference = new Map(lines.slice(1, 3).map((line) => [line.slice(0, 9), line]))
    const ref = (row: { id: number | string }) => `CP-${String(row.id).padStart(6, '0')}`
    assert.equal(
      byReference.get(ref(first)),
      [
        ref(first),
        `"'=HYPERLINK(""http://evil.example"";""Voir"")"`,
        `"'@SUM(A1); chez ""Lulu"""`,
        '12 rue des Écoles',
        '75005',
        'Paris',
        'FRANCE',
        codes.get(Number(first.id)),
      ].join(';')
    )
    assert.equal(
      byReference.get(ref(second)),
      [
        ref(second),
        'Hugo Petit',
        '',
        '14 rue des Écoles',
        '75005',
        'Paris',
        'FRANCE',
        codes.get(Number(second.id)),
      ].join(';')
    )
  })
})
