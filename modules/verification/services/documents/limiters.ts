import limiter from '@adonisjs/limiter/services/main'
import { documentSettings } from '#modules/verification/services/documents/settings'

/**
 * Uploads per resident (after `middleware.auth()`). Every attempt counts:
 * decoding and re-encoding images costs CPU, whatever the outcome.
 */
export const documentUploadThrottle = limiter.define('documents_upload', (ctx) =>
  limiter
    .allowRequests(documentSettings.uploadsPerDay)
    .every('24 hours')
    .usingKey(`user:${ctx.auth.user?.id ?? ctx.request.ip()}`)
)
