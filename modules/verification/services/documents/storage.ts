import { privateStorage } from '#app/uploads/private_storage'
import { documentSettings } from '#modules/verification/services/documents/settings'

/** Where documents' files live (the purge command retries files of decided documents). */
export const documentStorage = privateStorage(documentSettings.storageFolder, 'a document file')
