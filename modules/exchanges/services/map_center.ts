/**
 * Where a ride map starts: around the resident's home, rounded to about
 * a kilometre so that their exact home point is never written into a
 * page (central Paris without a home).
 */
export function mapCenterNear(home: { latitude: number; longitude: number } | null): string {
  if (!home) return '48.8566,2.3522'
  return `${home.latitude.toFixed(2)},${home.longitude.toFixed(2)}`
}
