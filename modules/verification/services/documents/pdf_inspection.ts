import { constants, inflateSync } from 'node:zlib'
import { documentSettings } from '#modules/verification/services/documents/settings'
import { DocumentRefusal } from '#modules/verification/services/documents/errors'

/**
 * A PDF is kept as sent (nothing here can rewrite one safely), so it is
 * accepted only when it is plainly a document: it starts with `%PDF-`,
 * ends with `%%EOF`, is not encrypted (we could not look inside), and
 * names no active content (scripts, launched programs, embedded files,
 * forms that submit or import data, Flash/XFA).
 *
 * Names are compared once their `#xx` escapes are decoded, and every
 * Flate-compressed stream is inflated and checked too: compressed object
 * streams are where such dictionaries usually hide. Streams are found
 * without trusting dictionaries (a string can fake an `obj` or `endobj`),
 * and filters we do not decode here (ASCII hex/85, LZW, run-length, Crypt)
 * are refused outright rather than let through unread. This is a filter,
 * not a proof: the reviewer only ever downloads a PDF (never shown
 * inline) from a sandboxed response.
 */

/** Dictionary keys and action types that run something or carry a payload. */
const ACTIVE_NAMES = new Set([
  'JavaScript',
  'JS',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'RichMedia',
  'XFA',
  'SubmitForm',
  'ImportData',
  'GoToE',
])

/**
 * Stream filters that could hide a dictionary from the checks below. Full
 * names only: the abbreviations (AHx, LZW...) are for inline images, which
 * cannot hold dictionaries.
 */
const OPAQUE_FILTERS = new Set([
  'ASCIIHexDecode',
  'ASCII85Decode',
  'LZWDecode',
  'RunLengthDecode',
  'Crypt',
])

/** A PDF name: a slash, then anything up to a delimiter or white space. */
const NAME = /\/([^\s\0/<>[\](){}%]*)/g

/** The `stream` keyword opening a stream's data (not the end of `endstream`). */
const STREAM_START = /(?<!end)stream(?:\r\n|\n|\r)/g

function decodeName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16))
  )
}

function refuseActive(text: string) {
  for (const match of text.matchAll(NAME)) {
    const name = decodeName(match[1])
    if (name === 'Encrypt') throw new DocumentRefusal('pdf_encrypted')
    if (ACTIVE_NAMES.has(name)) throw new DocumentRefusal('pdf_active_content')
    if (OPAQUE_FILTERS.has(name)) throw new DocumentRefusal('pdf_unchecked')
  }
}

/**
 * Every stream's data that inflates (Flate): object streams, content,
 * metadata. Inflated from the `stream` keyword on, without trusting
 * `endstream` or `/Length` (data can contain either): zlib stops at the
 * end of its own stream.
 */
function* inflatedStreams(bytes: Buffer, text: string): Generator<string> {
  let budget: number = documentSettings.pdfInflateBudget
  for (const match of text.matchAll(STREAM_START)) {
    const data = bytes.subarray(match.index + match[0].length)
    /** A zlib stream starts with a header whose 16 bits are a multiple of 31. */
    if (data.length < 2 || (data[0] & 0x0f) !== 8 || ((data[0] << 8) | data[1]) % 31 !== 0) {
      continue
    }
    let inflated: Buffer
    try {
      inflated = inflateSync(data, {
        finishFlush: constants.Z_SYNC_FLUSH,
        maxOutputLength: budget,
      })
    } catch (error) {
      /** Over the budget (a zip bomb): not checked, not accepted. Otherwise not Flate data. */
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new DocumentRefusal('pdf_unchecked')
      }
      continue
    }
    budget -= inflated.length
    if (budget <= 0) throw new DocumentRefusal('pdf_unchecked')
    yield inflated.toString('latin1')
  }
}

/** Throws a DocumentRefusal unless `bytes` is a PDF we are willing to keep. */
export function inspectPdf(bytes: Buffer): void {
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw new DocumentRefusal('unsupported_type')
  }
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1')
  if (!tail.includes('%%EOF')) throw new DocumentRefusal('pdf_incomplete')

  const text = bytes.toString('latin1')
  refuseActive(text)
  for (const decoded of inflatedStreams(bytes, text)) refuseActive(decoded)
}
