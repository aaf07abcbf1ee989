// Errors in what the user or the model asked for, raised by any layer that reads input.
/** Well-typed input that still makes no sense; its message is written for the model. */
export class UserInputError extends Error {
  override name = "UserInputError";
}

/** Bad environment or flags: reported on stderr before the server starts. */
export class ConfigError extends Error {
  override name = "ConfigError";
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.join("\n"));
    this.problems = problems;
  }
}
