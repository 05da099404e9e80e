import { test } from '@japa/runner'
import { csvCell, toCsv } from '#modules/verification/services/postcards/csv'

test.group('Postcard CSV', () => {
  test('plain values stay as they are', ({ assert }) => {
    assert.equal(csvCell('Rennes'), 'Rennes')
    assert.equal(csvCell('35000'), '35000')
    assert.equal(csvCell(null), '')
  })

  test('separators, quotes, line breaks and edge spaces are quoted', ({ assert }) => {
    assert.equal(csvCell('Bât. A; 3e étage'), '"Bât. A; 3e étage"')
    assert.equal(csvCell('Le "Clos"'), '"Le ""Clos"""')
    assert.equal(csvCell('ligne 1\nligne 2'), '"ligne 1\nligne 2"')
    assert.equal(csvCell('Dupont, Marie'), '"Dupont, Marie"')
    assert.equal(csvCell(' espace'), '" espace"')
  })

  test('formulas are neutralised with a leading apostrophe', ({ assert }) => {
    assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`)
    assert.equal(csvCell('+33 6 12'), "'+33 6 12")
    assert.equal(csvCell('-2'), "'-2")
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)")
    assert.equal(csvCell('\tcmd'), `'\tcmd`)
    assert.equal(csvCell('ABCD-EFGH'), 'ABCD-EFGH')
  })

  test('a whole file: BOM, header, CRLF', ({ assert }) => {
    const file = toCsv(['a', 'b'], [['1', 'x;y']])
    assert.equal(file, '\uFEFFa;b\r\n1;"x;y"\r\n')
  })
})
