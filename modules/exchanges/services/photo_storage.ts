import { privateStorage } from '#app/uploads/private_storage'
import { exchangeSettings } from '#modules/exchanges/services/settings'

/** Where exchange photos live (the hourly job retries failed deletions). */
export const photoStorage = privateStorage(
  exchangeSettings.photos.storageFolder,
  'an exchange photo'
)
