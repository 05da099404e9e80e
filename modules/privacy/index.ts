/**
 * Public API of the privacy module (other modules import only this):
 * modules register what they hold about a resident for export and erasure.
 */
export {
  registerPersonalData,
  type PersonalDataSection,
} from '#modules/privacy/services/personal_data'
