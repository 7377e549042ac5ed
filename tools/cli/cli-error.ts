/**
 * A failure the user can act on, printed as one line on stderr. Usage errors exit with 2 (the
 * command line is wrong), everything else with 1 (a service, a file or the broker said no).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}
