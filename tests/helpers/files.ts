/*
| Files for upload tests, made in the test (no binary fixture in the
| repository): images drawn with sharp, a minimal PDF written as bytes,
| and the tricks malicious uploads play (a PHP payload in a PNG text chunk
| or after its end, EXIF with a GPS position, a decompression bomb).
*/
import { crc32, deflateSync } from 'node:zlib'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** EXIF a phone would write: who, where (GPS), with a marker to look for. */
export const EXIF_MARKER = 'EXIF-SECRET-MARKER'
const PHONE_EXIF = {
  IFD0: { Copyright: EXIF_MARKER, Make: 'PhoneMaker', Model: 'Phone 12' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 50/1 0/1', GPSLongitudeRef: 'E' },
}

/** A plain PNG; `exif` adds the phone EXIF above. */
export async function pngBytes(
  options: { width?: number; height?: number; exif?: boolean } = {}
): Promise<Buffer> {
  let image = sharp({
    create: {
      width: options.width ?? 64,
      height: options.height ?? 48,
      channels: 3,
      background: { r: 40, g: 120, b: 80 },
    },
  })
  if (options.exif) image = image.withExif(PHONE_EXIF)
  return image.png().toBuffer()
}

/** A JPEG as a phone takes it: EXIF (GPS) and an orientation tag (6: turn 90° clockwise). */
export async function jpegBytes(
  options: { width?: number; height?: number; orientation?: number; exif?: boolean } = {}
): Promise<Buffer> {
  let image = sharp({
    create: {
      width: options.width ?? 64,
      height: options.height ?? 48,
      channels: 3,
      background: { r: 200, g: 180, b: 90 },
    },
  })
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation })
  if (options.exif !== false) image = image.withExif(PHONE_EXIF)
  return image.jpeg({ quality: 90 }).toBuffer()
}

/** A PNG chunk: length, type, data, CRC over type and data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body) >>> 0)
  return Buffer.concat([length, body, crc])
}

export const PHP_PAYLOAD = '<?php system($_GET["cmd"]); ?>'

/** A valid PNG carrying a PHP script in a tEXt chunk and again after IEND. */
export async function pngWithPhpPayload(): Promise<Buffer> {
  const png = await pngBytes({ exif: true })
  const iend = png.length - 12
  return Buffer.concat([
    png.subarray(0, iend),
    pngChunk('tEXt', Buffer.from(`Comment\0${PHP_PAYLOAD}`, 'latin1')),
    png.subarray(iend),
    Buffer.from(PHP_PAYLOAD, 'latin1'),
  ])
}

/** A tiny PNG whose header claims `width` x `height` pixels (a decompression bomb). */
export async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = await pngBytes({ width: 8, height: 8 })
  const ihdr = Buffer.from(png.subarray(16, 29))
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  return Buffer.concat([png.subarray(0, 8), pngChunk('IHDR', ihdr), png.subarray(33)])
}

/**
 * A minimal one-page PDF. `catalogExtra` goes into the catalog dictionary
 * (e.g. an /OpenAction), `objects` are appended before the trailer.
 */
export function pdfBytes(options: { catalogExtra?: string; objects?: Buffer[] } = {}): Buffer {
  const parts = [
    '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n',
    `1 0 obj\n<< /Type /Catalog /Pages 2 0 R ${options.catalogExtra ?? ''}>>\nendobj\n`,
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n',
  ]
  return Buffer.concat([
    Buffer.from(parts.join(''), 'latin1'),
    ...(options.objects ?? []),
    Buffer.from('trailer\n<< /Root 1 0 R /Size 4 >>\nstartxref\n0\n%%EOF\n', 'latin1'),
  ])
}

/** A compressed object stream (/ObjStm) holding `dictionary` out of sight of a plain scan. */
export function objectStream(number: number, dictionary: string): Buffer {
  const data = deflateSync(Buffer.from(`${number + 1} 0 ${dictionary}`, 'latin1'))
  return Buffer.concat([
    Buffer.from(
      `${number} 0 obj\n<< /Type /ObjStm /N 1 /First 6 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
      'latin1'
    ),
    data,
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  ])
}

/** `size` bytes starting with `head` (a "photo" too big to accept). */
export function bytesOfSize(size: number, head: Buffer = PNG_SIGNATURE): Buffer {
  const bytes = Buffer.alloc(size, 0x41)
  head.copy(bytes)
  return bytes
}

/** Every file under a folder (recursively), relative paths. */
export async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
}
