/** A failure the bin reports as one line, with what to do about it; `usage` ones are the command line's. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly kind: "usage" | "failure" = "failure",
  ) {
    super(message.replace(/\s+/g, " ").trim());
    this.name = "CommandError";
  }
}
