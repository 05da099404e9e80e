import { Exception } from '@adonisjs/core/exceptions'

/**
 * Unknown, or not for this viewer: the site's 404 page (JSON for JSON
 * clients), rendered by the exception handler. Thrown rather than
 * `response.abort`, whose self-handled exception skips the status pages
 * and answers bare text.
 */
export class PageNotFoundError extends Exception {
  static status = 404
  static code = 'E_PAGE_NOT_FOUND'
}

export function pageNotFound(): never {
  throw new PageNotFoundError('Page not found')
}
