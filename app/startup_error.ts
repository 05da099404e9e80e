/**
 * An error the person starting Quartier can act on (database unreachable,
 * PostGIS missing, bad configuration). Printed as a short message with
 * what to do, instead of a stack trace.
 */
export class StartupError extends Error {
  constructor(
    message: string,
    public hint: string
  ) {
    super(message)
    this.name = 'StartupError'
  }
}

function isEnvValidationError(error: unknown): error is Error & { code: string; help?: string } {
  return error instanceof Error && (error as { code?: string }).code === 'E_INVALID_ENV_VARIABLES'
}

export function printStartupError(error: unknown): boolean {
  if (error instanceof StartupError) {
    console.error(
      `\n  Quartier cannot start: ${error.message}\n\n  ${error.hint.split('\n').join('\n  ')}\n`
    )
    return true
  }
  if (isEnvValidationError(error)) {
    console.error(
      `\n  Quartier cannot start: the environment is not valid.\n\n  ${error.help ?? error.message}\n\n  See "Configuration" in README.md.\n`
    )
    return true
  }
  return false
}
