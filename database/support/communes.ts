import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'

/** A GeoJSON file with only the given communes, cut from the national file. */
export async function extractCommunes(nationalFile: string, codes: string[]): Promise<string> {
  const all = JSON.parse(gunzipSync(await readFile(nationalFile)).toString('utf8'))
  const wanted = new Set(codes)
  const features = all.features.filter((feature: any) => wanted.has(feature.properties?.code))
  const file = join(await mkdtemp(join(tmpdir(), 'quartier-seed-')), 'communes.geojson')
  await writeFile(file, JSON.stringify({ type: 'FeatureCollection', features }))
  return file
}
