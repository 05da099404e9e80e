import { SheetNotFoundError } from '#modules/group_buys/services/order_sheet_errors'
import { pageNotFound } from '#app/http/page_not_found'

/** Runs a look-up, turning SheetNotFoundError into the 404 page. */
export async function orNotFound<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof SheetNotFoundError) pageNotFound()
    throw error
  }
}
