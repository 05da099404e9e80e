import { readFile } from 'node:fs/promises'
import { gunzipSync } from 'node:zlib'

export interface GeoJsonFeature {
  type: 'Feature'
  properties: Record<string, unknown> | null
  geometry: { type: string; coordinates: unknown } | null
}

/**
 * Reads a GeoJSON FeatureCollection, plain or gzipped (detected from the
 * content, not the name).
 */
export async function readFeatureCollection(path: string): Promise<GeoJsonFeature[]> {
  let buffer = await readFile(path)
  if (buffer[0] === 0x1f && buffer[1] === 0x8b) buffer = gunzipSync(buffer)
  const data = JSON.parse(buffer.toString('utf8'))
  if (data?.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    throw new Error(`${path} is not a GeoJSON FeatureCollection`)
  }
  return data.features
}

/** Why a feature cannot be imported, or null when its geometry is usable. */
export function geometryProblem(feature: GeoJsonFeature): string | null {
  const geometry = feature.geometry
  if (!geometry) return 'no geometry'
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    return `geometry is a ${geometry.type}, not a Polygon or MultiPolygon`
  }
  if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0) {
    return 'empty coordinates'
  }
  return null
}
