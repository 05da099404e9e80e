import { accounts } from '#modules/accounts/index'
import { neighbourhoodNames, residentHome } from '#modules/neighbourhoods/index'
import AddressDocument, { type DocumentStatus } from '#modules/verification/models/address_document'
import DocumentView from '#modules/verification/models/document_view'
import {
  kindOfContentType,
  type DocumentKind,
} from '#modules/verification/services/documents/content_type'
import {
  coversNeighbourhood,
  type ReviewScope,
} from '#modules/verification/services/documents/reviewers'
import { documentSettings, expiresOn } from '#modules/verification/services/documents/settings'

/**
 * Read side of the review queue. Every list is cut to the reviewer's
 * scope (ReviewScope) in the query itself.
 */

export interface QueueItem {
  id: number
  userId: number
  residentName: string | null
  addressLabel: string | null
  neighbourhoodName: string | null
  createdAt: Date
  expiresOn: Date
  kind: DocumentKind | null
}

export interface OutcomeItem {
  id: number
  residentName: string | null
  neighbourhoodName: string | null
  status: DocumentStatus
  reviewerName: string | null
  decidedAt: Date | null
  rejectReason: string | null
}

export interface ReviewItem extends QueueItem {
  residentVerified: boolean
  views: { viewerName: string | null; viewedAt: Date }[]
}

function scoped(scope: ReviewScope) {
  const query = AddressDocument.query()
  if (!scope.operator) query.whereIn('neighbourhood_id', scope.neighbourhoodIds)
  return query
}

/** Display names by numeric id (accounts keys them as the model holds ids). */
async function namesOf(ids: (number | null)[]): Promise<Map<number, string>> {
  const names = await accounts.displayNames(ids.filter((id): id is number => id !== null))
  return new Map([...names].map(([id, name]) => [Number(id), name]))
}

async function placesOf(documents: AddressDocument[]): Promise<Map<number, string>> {
  const names = await neighbourhoodNames(
    documents.flatMap((document) => (document.neighbourhoodId ? [document.neighbourhoodId] : []))
  )
  return new Map([...names].map(([id, place]) => [id, place.name]))
}

function toQueueItem(
  document: AddressDocument,
  people: Map<number, string>,
  places: Map<number, string>
): QueueItem {
  const createdAt = document.createdAt.toJSDate()
  return {
    id: document.id,
    userId: document.userId,
    residentName: people.get(document.userId) ?? null,
    addressLabel: document.addressLabel,
    neighbourhoodName: document.neighbourhoodId
      ? (places.get(document.neighbourhoodId) ?? null)
      : null,
    createdAt,
    expiresOn: expiresOn(createdAt),
    kind: kindOfContentType(document.contentType),
  }
}

/** Pending documents the reviewer may decide on, oldest first. */
export async function pendingQueue(scope: ReviewScope): Promise<QueueItem[]> {
  const documents = await scoped(scope)
    .where('status', 'pending')
    .orderBy('created_at')
    .orderBy('id')
    .limit(documentSettings.queueCap)
  const [people, places] = await Promise.all([
    namesOf(documents.map((document) => document.userId)),
    placesOf(documents),
  ])
  return documents.map((document) => toQueueItem(document, people, places))
}

/** The latest decisions within the reviewer's scope (outcome only). */
export async function recentOutcomes(scope: ReviewScope, limit = 20): Promise<OutcomeItem[]> {
  const documents = await scoped(scope)
    .whereNot('status', 'pending')
    .orderBy('decided_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
  const [people, places] = await Promise.all([
    namesOf(documents.flatMap((document) => [document.userId, document.reviewerId])),
    placesOf(documents),
  ])
  return documents.map((document) => ({
    id: document.id,
    residentName: people.get(document.userId) ?? null,
    neighbourhoodName: document.neighbourhoodId
      ? (places.get(document.neighbourhoodId) ?? null)
      : null,
    status: document.status,
    reviewerName: document.reviewerId ? (people.get(document.reviewerId) ?? null) : null,
    decidedAt: document.decidedAt?.toJSDate() ?? null,
    rejectReason: document.rejectReason,
  }))
}

/** One pending document for its review page, with who opened it; null outside the scope. */
export async function documentForReview(
  id: number,
  scope: ReviewScope
): Promise<ReviewItem | null> {
  const document = await AddressDocument.query().where('id', id).where('status', 'pending').first()
  if (!document || !coversNeighbourhood(scope, document.neighbourhoodId)) return null
  const views = await DocumentView.query()
    .where('document_id', id)
    .orderBy('viewed_at', 'desc')
    .limit(50)
  const [people, places, home] = await Promise.all([
    namesOf([document.userId, ...views.map((view) => view.viewerId)]),
    placesOf([document]),
    residentHome(document.userId),
  ])
  return {
    ...toQueueItem(document, people, places),
    residentVerified: Boolean(home?.verifiedAt),
    views: views.map((view) => ({
      viewerName: view.viewerId ? (people.get(view.viewerId) ?? null) : null,
      viewedAt: view.viewedAt.toJSDate(),
    })),
  }
}

/** Any document (whatever its status) within the reviewer's scope, or null. */
export async function documentInScope(
  id: number,
  scope: ReviewScope
): Promise<{ id: number; userId: number; status: DocumentStatus } | null> {
  const document = await AddressDocument.find(id)
  if (!document || !coversNeighbourhood(scope, document.neighbourhoodId)) return null
  return { id: document.id, userId: document.userId, status: document.status }
}
