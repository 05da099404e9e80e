/**
 * Reading GBFS 2.3 and 3.0 files (https://github.com/MobilityData/gbfs,
 * gbfs.md at tags v2.3 and v3.0) defensively: every field is checked
 * before use, anything unexpected is skipped. What differs between the two:
 *  - gbfs.json: 2.x nests feeds by language (`data.fr.feeds`), 3.0 has `data.feeds`;
 *  - names: 2.x plain strings, 3.0 lists of { text, language };
 *  - free vehicles: 2.x `free_bike_status` -> `data.bikes[].bike_id`,
 *    3.0 `vehicle_status` -> `data.vehicles[].vehicle_id`;
 *  - station_status: 2.x `num_bikes_available`, 3.0 `num_vehicles_available`
 *    (both have `vehicle_types_available[{ vehicle_type_id, count }]`).
 */
type Json = Record<string, unknown>

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const id = (value: unknown) =>
  (typeof value === 'string' && value.length > 0 && value.length <= 120) ||
  (typeof value === 'number' && Number.isFinite(value))
    ? String(value)
    : undefined
const coordinate = (value: unknown, max: number) =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= max ? value : undefined

export class GbfsError extends Error {
  constructor(detail: string) {
    super(`GBFS: ${detail}`)
    this.name = 'GbfsError'
  }
}

/** A 2.x plain string, or the 3.0 localized entry in `language` (else the first one). */
export function localized(value: unknown, language: string): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined
  const entries = list(value).filter(
    (entry): entry is { text: string; language: string } =>
      isObject(entry) && typeof entry.text === 'string'
  )
  const match =
    entries.find((entry) => entry.language === language) ??
    entries.find(
      (entry) =>
        typeof entry.language === 'string' &&
        entry.language.split('-')[0] === language.split('-')[0]
    ) ??
    entries[0]
  return match?.text.trim() || undefined
}

function dataOf(document: unknown, file: string): Json {
  if (!isObject(document) || !isObject(document.data))
    throw new GbfsError(`${file} has no "data" object`)
  return document.data
}

export interface Discovery {
  major: number
  version: string
  /** Feed name -> URL. */
  feeds: Map<string, string>
}

/** gbfs.json: the version and the feed URLs (in the preferred language for 2.x). */
export function readDiscovery(document: unknown, language: string): Discovery {
  const data = dataOf(document, 'gbfs.json')
  const version =
    isObject(document) && typeof document.version === 'string' ? document.version : '1.0'
  const major = Number.parseInt(version, 10)
  let feedList: unknown[]
  if (Array.isArray(data.feeds)) {
    feedList = data.feeds
  } else {
    const byLanguage = isObject(data[language])
      ? data[language]
      : Object.values(data).find(isObject)
    feedList = isObject(byLanguage) ? list(byLanguage.feeds) : []
  }
  const feeds = new Map<string, string>()
  for (const feed of feedList) {
    if (
      isObject(feed) &&
      typeof feed.name === 'string' &&
      typeof feed.url === 'string' &&
      !feeds.has(feed.name)
    ) {
      feeds.set(feed.name, feed.url)
    }
  }
  if (feeds.size === 0) throw new GbfsError('gbfs.json lists no feeds')
  return { major: Number.isFinite(major) ? major : 1, version, feeds }
}

export interface SystemInfo {
  name?: string
  url?: string
}

export function readSystemInformation(document: unknown, language: string): SystemInfo {
  const data = dataOf(document, 'system_information')
  return {
    name: localized(data.name, language),
    url: typeof data.url === 'string' ? data.url : undefined,
  }
}

export interface CarType {
  id: string
  name?: string
  imageUrl?: string
  pricingPlanId?: string
}

/** The vehicle types whose form_factor is 'car', by id. */
export function readCarTypes(document: unknown, language: string): Map<string, CarType> {
  const data = dataOf(document, 'vehicle_types')
  const types = new Map<string, CarType>()
  for (const entry of list(data.vehicle_types)) {
    if (!isObject(entry) || entry.form_factor !== 'car') continue
    const typeId = id(entry.vehicle_type_id)
    if (!typeId) continue
    const makeModel = [localized(entry.make, language), localized(entry.model, language)]
      .filter(Boolean)
      .join(' ')
    types.set(typeId, {
      id: typeId,
      name: localized(entry.name, language) ?? (makeModel || undefined),
      imageUrl: typeof entry.vehicle_image === 'string' ? entry.vehicle_image : undefined,
      pricingPlanId: id(entry.default_pricing_plan_id),
    })
  }
  return types
}

export interface PricingPlan {
  name?: string
  description?: string
}

export function readPricingPlans(document: unknown, language: string): Map<string, PricingPlan> {
  const data = dataOf(document, 'system_pricing_plans')
  const plans = new Map<string, PricingPlan>()
  for (const entry of list(data.plans)) {
    const planId = isObject(entry) ? id(entry.plan_id) : undefined
    if (!isObject(entry) || !planId) continue
    plans.set(planId, {
      name: localized(entry.name, language),
      description: localized(entry.description, language),
    })
  }
  return plans
}

export interface RentalUris {
  web?: string
}

const rentalWeb = (value: unknown): string | undefined =>
  isObject(value) && typeof value.web === 'string' ? value.web : undefined

export interface Station {
  id: string
  name?: string
  address?: string
  latitude: number
  longitude: number
  web?: string
  /** Cars available now, by vehicle type id. */
  available: Map<string, number>
}

/** station_information joined with station_status: stations renting now, with their available vehicles. */
export function readStations(information: unknown, status: unknown, language: string): Station[] {
  const statusById = new Map<string, Json>()
  for (const entry of list(dataOf(status, 'station_status').stations)) {
    const stationId = isObject(entry) ? id(entry.station_id) : undefined
    if (isObject(entry) && stationId) statusById.set(stationId, entry)
  }
  const stations: Station[] = []
  for (const entry of list(dataOf(information, 'station_information').stations)) {
    if (!isObject(entry)) continue
    const stationId = id(entry.station_id)
    const latitude = coordinate(entry.lat, 90)
    const longitude = coordinate(entry.lon, 180)
    const state = stationId ? statusById.get(stationId) : undefined
    if (!stationId || latitude === undefined || longitude === undefined || !state) continue
    if (state.is_installed === false || state.is_renting === false) continue
    const available = new Map<string, number>()
    for (const count of list(state.vehicle_types_available)) {
      if (!isObject(count)) continue
      const typeId = id(count.vehicle_type_id)
      const value = count.count
      if (typeId && typeof value === 'number' && Number.isInteger(value) && value > 0)
        available.set(typeId, value)
    }
    stations.push({
      id: stationId,
      name: localized(entry.name, language),
      address: typeof entry.address === 'string' ? entry.address.trim() || undefined : undefined,
      latitude,
      longitude,
      web: rentalWeb(entry.rental_uris),
      available,
    })
  }
  return stations
}

export interface FreeVehicle {
  id: string
  typeId?: string
  latitude: number
  longitude: number
  rangeMeters?: number
  availableUntil?: string
  pricingPlanId?: string
  web?: string
}

/** Free-floating vehicles ready to rent: not reserved, not disabled, not parked at a station. */
export function readFreeVehicles(document: unknown, major: number): FreeVehicle[] {
  const data = dataOf(document, major >= 3 ? 'vehicle_status' : 'free_bike_status')
  const vehicles: FreeVehicle[] = []
  for (const entry of list(major >= 3 ? data.vehicles : data.bikes)) {
    if (!isObject(entry)) continue
    const vehicleId = id(major >= 3 ? entry.vehicle_id : entry.bike_id)
    const latitude = coordinate(entry.lat, 90)
    const longitude = coordinate(entry.lon, 180)
    if (!vehicleId || latitude === undefined || longitude === undefined) continue
    if (
      entry.is_reserved !== false ||
      entry.is_disabled !== false ||
      entry.station_id !== undefined
    )
      continue
    const range = entry.current_range_meters
    vehicles.push({
      id: vehicleId,
      typeId: id(entry.vehicle_type_id),
      latitude,
      longitude,
      rangeMeters:
        typeof range === 'number' && Number.isFinite(range) && range >= 0 ? range : undefined,
      availableUntil: typeof entry.available_until === 'string' ? entry.available_until : undefined,
      pricingPlanId: id(entry.pricing_plan_id),
      web: rentalWeb(entry.rental_uris),
    })
  }
  return vehicles
}
