import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createGunzip } from 'node:zlib'

const FEATURE_START = '{"type":"Feature"'

/**
 * A GeoJSON file with only the given communes, cut from the national file
 * (one line of 60 MB once unzipped). The file is streamed feature by
 * feature, so the app process never holds it whole: parsing it at once
 * would leave the web process ~300 MB bigger for its whole life.
 */
export async function extractCommunes(nationalFile: string, codes: string[]): Promise<string> {
  const wanted = new Set(codes)
  const features: unknown[] = []
  let buffer = ''

  const keep = (segment: string) => {
    const code = segment.match(/"code":\s*"([0-9AB]{5})"/)?.[1]
    if (!code || !wanted.has(code)) return
    const end = segment.lastIndexOf('}')
    features.push(JSON.parse(segment.slice(0, end + 1)))
  }

  /** pipeline(), not pipe(): a missing file must fail the loop below, not hang it. */
  const stream = createGunzip()
  pipeline(createReadStream(nationalFile), stream, () => {})
  stream.setEncoding('utf8')
  for await (const chunk of stream) {
    buffer += chunk
    let next = buffer.indexOf(FEATURE_START, 1)
    while (next > 0) {
      if (buffer.startsWith(FEATURE_START)) keep(buffer.slice(0, next))
      buffer = buffer.slice(next)
      next = buffer.indexOf(FEATURE_START, 1)
    }
    if (!buffer.startsWith(FEATURE_START)) {
      /** The collection's header, before the first feature. */
      const first = buffer.indexOf(FEATURE_START)
      buffer = first >= 0 ? buffer.slice(first) : buffer.slice(-FEATURE_START.length)
    }
  }
  if (buffer.startsWith(FEATURE_START)) keep(buffer.replace(/\]\s*\}\s*$/, ''))

  const file = join(await mkdtemp(join(tmpdir(), 'quartier-seed-')), 'communes.geojson')
  await writeFile(file, JSON.stringify({ type: 'FeatureCollection', features }))
  return file
}
