import { accounts } from '#modules/accounts/index'
import {
  neighbourhoodNames,
  residentHome,
  residentsOf,
  type ResidentHome,
} from '#modules/neighbourhoods/index'
import {
  asksMade,
  asksToAnswer,
  countingVouches,
  outstandingAskCount,
  vouchesGiven,
  vouchesGivenSince,
  type AskStatus,
  type VouchStatus,
} from '#modules/verification/queries/cooptation'
import { neighbourName } from '#modules/verification/services/cooptation/names'
import {
  cooptationSettings,
  mayVouchFrom,
  periodStart,
} from '#modules/verification/services/cooptation/settings'
import {
  ensureVouchToken,
  vouchPath,
  vouchUrl,
} from '#modules/verification/services/cooptation/vouch_links'

/** What an unverified resident sees: their progress, their link, their asks. */
export interface CandidatePanel {
  role: 'candidate'
  /** False when their home lies outside any neighbourhood (nobody to vouch). */
  available: boolean
  neighbourhoodName: string | null
  needed: number
  vouchers: { name: string; createdAt: Date }[]
  link: string | null
  asks: { name: string; street: string | null; status: AskStatus; createdAt: Date }[]
  askable: { value: number; label: string }[]
  outstanding: number
  maxOutstanding: number
}

/** What a verified resident sees: who asked them, and the vouches they gave. */
export interface VoucherPanel {
  role: 'voucher'
  /** Set while they are verified too recently to vouch. */
  vouchFrom: Date | null
  seniorityDays: number
  asks: { id: number; name: string; street: string | null; link: string; createdAt: Date }[]
  vouches: {
    id: number
    name: string
    street: string | null
    status: VouchStatus
    createdAt: Date
  }[]
  usedInPeriod: number
  perPeriod: number
  periodDays: number
}

export type CooptationPanel = CandidatePanel | VoucherPanel

/** Display names keyed by numeric id (users.id may come back as a string). */
async function namesOf(ids: number[]): Promise<Map<number, string>> {
  const names = await accounts.displayNames(ids)
  return new Map([...names].map(([id, name]) => [Number(id), name]))
}

/**
 * The "cooptation" column of the "Verify my address" page. Giving the
 * candidate their link makes it on first view (a token nobody can guess).
 */
export async function cooptationPanel(
  userId: number,
  home: ResidentHome
): Promise<CooptationPanel> {
  return home.verifiedAt ? voucherPanel(userId, home.verifiedAt) : candidatePanel(userId, home)
}

async function candidatePanel(userId: number, home: ResidentHome): Promise<CandidatePanel> {
  const base: CandidatePanel = {
    role: 'candidate',
    available: false,
    neighbourhoodName: null,
    needed: cooptationSettings.vouchesNeeded,
    vouchers: [],
    link: null,
    asks: [],
    askable: [],
    outstanding: 0,
    maxOutstanding: cooptationSettings.maxOutstandingAsks,
  }
  if (home.neighbourhoodId === null) return base

  const [counting, asks, outstanding, neighbours, names, token] = await Promise.all([
    countingVouches(userId, home),
    asksMade(userId),
    outstandingAskCount(userId),
    residentsOf(home.neighbourhoodId, { verifiedOnly: true, exceptUserId: userId }),
    neighbourhoodNames([home.neighbourhoodId]),
    ensureVouchToken(userId),
  ])
  const now = Date.now()
  const eligible = neighbours.filter(
    (neighbour) =>
      neighbour.verifiedAt !== null && mayVouchFrom(neighbour.verifiedAt).getTime() <= now
  )
  const streets = new Map(neighbours.map((neighbour) => [neighbour.userId, neighbour.streetName]))
  const asked = new Set(asks.map((ask) => ask.voucherId))
  const vouched = new Set(counting.map((vouch) => vouch.voucherId))
  const people = await namesOf([
    ...counting.map((vouch) => vouch.voucherId),
    ...asks.map((ask) => ask.voucherId),
    ...eligible.map((neighbour) => neighbour.userId),
  ])
  /** The candidate is unverified: first names and an initial only. */
  const nameOf = (id: number) => neighbourName(people.get(id) ?? '', 'unverified')

  return {
    ...base,
    available: true,
    neighbourhoodName: names.get(home.neighbourhoodId)?.name ?? null,
    vouchers: counting.map((vouch) => ({
      name: nameOf(vouch.voucherId),
      createdAt: vouch.createdAt,
    })),
    link: vouchUrl(token),
    asks: asks.map((ask) => ({
      name: nameOf(ask.voucherId),
      street: streets.get(ask.voucherId) ?? null,
      status: ask.status,
      createdAt: ask.createdAt,
    })),
    askable: eligible
      .filter((neighbour) => !asked.has(neighbour.userId) && !vouched.has(neighbour.userId))
      .map((neighbour) => ({
        value: neighbour.userId,
        label: neighbour.streetName
          ? `${nameOf(neighbour.userId)} · ${neighbour.streetName}`
          : nameOf(neighbour.userId),
      }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    outstanding,
  }
}

async function voucherPanel(userId: number, verifiedAt: Date): Promise<VoucherPanel> {
  const from = mayVouchFrom(verifiedAt)
  const [pendingAsks, given, usedInPeriod, own] = await Promise.all([
    asksToAnswer(userId),
    vouchesGiven(userId),
    vouchesGivenSince(userId, periodStart()),
    residentHome(userId),
  ])
  /** Only asks from neighbours still unverified in the voucher's neighbourhood. */
  const asks: VoucherPanel['asks'] = []
  const people = await namesOf([
    ...pendingAsks.map((ask) => ask.candidateId),
    ...given.map((vouch) => vouch.candidateId),
  ])
  for (const ask of pendingAsks) {
    const home = await residentHome(ask.candidateId)
    if (!home || home.verifiedAt || home.neighbourhoodId !== own?.neighbourhoodId) continue
    asks.push({
      id: ask.id,
      name: neighbourName(people.get(ask.candidateId) ?? '', 'verified'),
      street: home.streetName,
      link: vouchPath(await ensureVouchToken(ask.candidateId)),
      createdAt: ask.createdAt,
    })
  }
  return {
    role: 'voucher',
    vouchFrom: from.getTime() > Date.now() ? from : null,
    seniorityDays: cooptationSettings.voucherSeniorityDays,
    asks,
    vouches: given.map((vouch) => ({
      id: vouch.id,
      name: neighbourName(people.get(vouch.candidateId) ?? '', 'verified'),
      street: vouch.streetName,
      status: vouch.status,
      createdAt: vouch.createdAt,
    })),
    usedInPeriod,
    perPeriod: cooptationSettings.vouchesPerPeriod,
    periodDays: cooptationSettings.periodDays,
  }
}
