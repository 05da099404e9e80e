/*
| `npm run plugin:verify <plugin dir> [more dirs]`: checks a plugin the way
| the app will load it (package.json, default export, manifest, README
| example config) and runs the conformance suite on its recordings.
| Prints a pass/fail report; exits 1 when anything fails.
*/
import { formatConformanceReport, verifyPluginDir } from '../testing.js'

const dirs = process.argv.slice(2).filter((arg) => !arg.startsWith('-'))
if (dirs.length === 0) {
  console.error(
    'Usage: npm run plugin:verify <plugin dir> [more plugin dirs]\n  e.g. npm run plugin:verify plugins/rdex_carpool'
  )
  process.exit(2)
}

let failed = 0
for (const dir of dirs) {
  const report = await verifyPluginDir(dir)
  console.log(`\nPlugin ${report.dir}`)
  for (const step of report.steps) {
    console.log(`  ${step.ok ? '✓' : '✗'} ${step.name}${step.detail ? `: ${step.detail}` : ''}`)
  }
  for (const conformance of report.conformance) console.log(formatConformanceReport(conformance))
  const checks = report.conformance.flatMap((entry) => entry.results)
  const passedChecks = checks.filter((entry) => entry.ok).length
  console.log(
    `  ${report.passed ? 'PASS' : 'FAIL'}: ${report.steps.filter((entry) => entry.ok).length}/${report.steps.length} steps, ` +
      `${passedChecks}/${checks.length} conformance checks`
  )
  if (!report.passed) failed++
}
console.log(`\n${dirs.length - failed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
