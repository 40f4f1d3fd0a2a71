/**
 * Each failure shown once, without a stack trace.
 *
 * The dynamic provider host prints every error that `check`, `diff`, `read` or `delete` throws as
 * `${error}: ${error.stack}` on stderr before it returns the error to the engine
 * (@pulumi/pulumi/cmd/dynamic-provider/index.js), and the engine shows that stderr among the stack's
 * diagnostics beside the error itself: every message twice, plus a stack trace of the provider's
 * insides, for every resource (161 lines for a refresh of six relationships with the admin secret
 * missing). The provider's errors are whole messages written for the user, and the engine shows each
 * under its resource, so the host's echo of exactly those is dropped: each error the provider returns
 * is remembered as the line the host is about to print, and `console.error` skips that line, once per
 * time it was returned. Every other line the host or a library prints still goes through, and outside
 * a provider host started by the engine nothing is changed.
 */
import { engineAddress } from "./runtime/engineLog";

/** The lines the host is about to print for errors the provider returned, with how many times each. */
const expected = new Map<string, number>();
let installed = false;

/** Marks `error` as returned to the engine: the host's echo of it is not printed. Returns it, to be thrown. */
export function returnedToEngine(error: unknown): unknown {
  if (!(error instanceof Error) || engineAddress() === undefined) return error;
  install();
  // The very text the host builds, computed before it does: a stack is formatted once, when first read.
  const line = `${error}: ${error.stack}`;
  expected.set(line, (expected.get(line) ?? 0) + 1);
  return error;
}

/** Wraps a provider method so that what it throws is marked as returned to the engine. */
export function withoutEcho<A extends unknown[], R>(method: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await method(...args);
    } catch (error) {
      throw returnedToEngine(error);
    }
  };
}

function install(): void {
  if (installed) return;
  installed = true;
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const [line] = args;
    if (args.length === 1 && typeof line === "string") {
      const count = expected.get(line);
      if (count !== undefined) {
        if (count <= 1) expected.delete(line);
        else expected.set(line, count - 1);
        return;
      }
    }
    print(...args);
  };
}
