import type { HttpContext } from '@adonisjs/core/http'
import { accounts } from '#modules/accounts/index'

/** The signed-in account's id as a number (pg hands bigints over as strings). */
export function viewerId(ctx: HttpContext): number {
  return Number(ctx.auth.getUserOrFail().id)
}

/** Display names keyed by numeric id. */
export async function namesById(ids: number[]): Promise<Map<number, string>> {
  const names = await accounts.displayNames(ids)
  return new Map([...names].map(([id, name]) => [Number(id), name]))
}

/**
 * A polygon (GeoJSON string) approximating a circle: how a fuzzed place is
 * drawn, an area rather than a pin.
 */
export function circleGeoJson(
  center: { latitude: number; longitude: number },
  radiusM: number,
  points = 32
): string {
  const dLat = radiusM / 111_320
  const dLon = radiusM / (111_320 * Math.cos((center.latitude * Math.PI) / 180))
  const ring: [number, number][] = []
  for (let index = 0; index <= points; index++) {
    const angle = (2 * Math.PI * (index % points)) / points
    ring.push([
      Number((center.longitude + dLon * Math.cos(angle)).toFixed(6)),
      Number((center.latitude + dLat * Math.sin(angle)).toFixed(6)),
    ])
  }
  return JSON.stringify({ type: 'Polygon', coordinates: [ring] })
}
