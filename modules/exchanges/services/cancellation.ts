import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import type Exchange from '#modules/exchanges/models/exchange'
import { exchangePath } from '#modules/exchanges/services/exchange_links'
import { notifyResident } from '#modules/exchanges/services/notify'

/**
 * The transaction-level steps of cancelling, shared by the author's
 * "withdraw" and booking buttons and by the erasure of an account (the
 * resident left Quartier): the rows change inside the caller's
 * transaction; who counted on them is told after the commit.
 */

/** An exchange just cancelled, and who counted on it. */
export interface CancelledExchange {
  id: number
  title: string
  /** The neighbour it was agreed with (an agreed exchange only). */
  agreedWith: number | null
  /** Passengers whose bookings went with the ride. */
  passengers: number[]
}

/** Why: the author withdrew it, or the author erased their account. */
export type CancellationReason = 'withdrawn' | 'author_left'

const MAILS: Record<CancellationReason, { agreed: string; passengers: string }> = {
  withdrawn: { agreed: 'exchanges.mail.cancelled', passengers: 'exchanges.mail.ride_cancelled' },
  author_left: {
    agreed: 'exchanges.mail.author_left',
    passengers: 'exchanges.mail.driver_left',
  },
}

/**
 * Closes an exchange the caller locked (open or agreed) as cancelled,
 * with its ride's active bookings.
 */
export async function closeAsCancelled(
  trx: TransactionClientContract,
  locked: Exchange
): Promise<CancelledExchange> {
  const passengers = await trx
    .from('ride_bookings')
    .where({ exchange_id: locked.id, status: 'booked' })
    .update({ status: 'cancelled', cancelled_at: new Date(), updated_at: new Date() })
    .returning('passenger_id')
  const agreedWith = locked.status === 'agreed' ? locked.agreedWithId : null
  locked.merge({ status: 'cancelled', closedAt: DateTime.now() })
  await locked.useTransaction(trx).save()
  return {
    id: locked.id,
    title: locked.title,
    agreedWith,
    passengers: passengers.map((row: { passenger_id: number }) => Number(row.passenger_id)),
  }
}

/** After the commit: the chosen neighbour and the passengers are told. */
export async function tellCancelled(
  cancelled: CancelledExchange,
  reason: CancellationReason
): Promise<void> {
  const path = exchangePath(cancelled.id)
  const values = { title: cancelled.title }
  if (cancelled.agreedWith) {
    await notifyResident(cancelled.agreedWith, MAILS[reason].agreed, values, path)
  }
  for (const passengerId of cancelled.passengers) {
    await notifyResident(passengerId, MAILS[reason].passengers, values, path)
  }
}

/**
 * Cancels an active booking the caller locked; its seats go back to the
 * ride (never above what it offers). Gives the seats released.
 */
export async function releaseBooking(
  trx: TransactionClientContract,
  booking: { id: number; exchange_id: number; seats: number }
): Promise<number> {
  await trx
    .from('ride_bookings')
    .where('id', booking.id)
    .update({ status: 'cancelled', cancelled_at: new Date(), updated_at: new Date() })
  await trx.rawQuery(
    `UPDATE exchange_rides SET seats_left = LEAST(seats_offered, seats_left + ?)
      WHERE exchange_id = ?`,
    [booking.seats, booking.exchange_id]
  )
  return Number(booking.seats)
}
