/**
 * @quartier/plugin-sdk/testing: the test kit every plugin (ours and
 * partners') runs. A fake host answering from recorded partner responses,
 * and the offer-source conformance suite the app's host relies on.
 */
export {
  FAKE_HOST_DEFAULTS,
  FakeHttpError,
  createFakeHost,
  isFakeHost,
  startPlugin,
  type FakeCallOutcome,
  type FakeHost,
  type FakeHostOptions,
  type FakeHttpCall,
  type FakeLogEntry,
  type FakeRequest,
  type FakeResponse,
  type StartedPlugin,
} from './src/testing/fake_host.js'
export {
  RecordingError,
  loadRecordings,
  normaliseUrl,
  type LoadedRecording,
  type Recording,
} from './src/testing/recordings.js'
export {
  ConformanceFailure,
  formatConformanceReport,
  isNotSupported,
  loadConformanceScenarios,
  offerSourceConformanceChecks,
  runChecks,
  runOfferSourceConformance,
  type ConformanceCheck,
  type ConformanceReport,
  type ConformanceResult,
  type ConformanceScenario,
  type TestRegistrar,
} from './src/testing/conformance.js'
export { verifyPluginDir, type VerifyReport, type VerifyStep } from './src/testing/verify.js'
