import vine from '@vinejs/vine'

/**
 * POST /verify/vouch/:token: the voucher ticks the statement "I know this
 * person and that they live in <street>"; nothing else is taken from the
 * form (who and where come from the link and the database).
 */
export const vouchValidator = vine.create({
  statement: vine.accepted(),
})

/** POST /verify/vouch-requests: a neighbour picked from the list. */
export const vouchRequestValidator = vine.create({
  voucher_id: vine.number().withoutDecimals().min(1).max(Number.MAX_SAFE_INTEGER),
})
