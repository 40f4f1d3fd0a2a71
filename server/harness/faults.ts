/**
 * Fault injection for tests of clients: fail the next N API requests with a status, reset the
 * connection before or after a write is applied, or delay every answer. Off by default; set
 * in-process (`faults`), with `POST /_local/faults`, or by CLI flag.
 */
import { isJsonObject } from "../../model";

/** When a connection reset happens relative to applying a write. */
export type ResetWhen = "before-write" | "after-write";

/** A fault configuration, as accepted at start and by `POST /_local/faults`. */
export interface FaultSpec {
  /** Answer the next `count` POSTs to `/v1/metadata` or `/v1/query` with `status`, without running them. */
  failNext?: { count: number; status: number };
  /** Reset the connection of the next `count` write requests, before or after the write is applied. */
  resetConnection?: { when: ResetWhen; count: number };
  /** Delay every API answer by this many milliseconds. */
  delayMs?: number;
}

/** The in-process control of faults. */
export interface FaultController {
  /** Fails the next `count` API requests with HTTP `status` (a Hasura-shaped error body). */
  failNext(count: number, status: number): void;
  /** Resets the connection of the next `count` (default 1) writes, before or after applying them. */
  resetConnection(when: ResetWhen, count?: number): void;
  /** Delays every API answer by `ms` (0 turns it off). */
  delay(ms: number): void;
  /** Turns every fault off. */
  clear(): void;
  /** The faults still armed. */
  pending(): FaultSpec;
}

/** Armed faults, consumed as requests arrive. */
export class Faults implements FaultController {
  private failures = { count: 0, status: 500 };
  private resets: Record<ResetWhen, number> = { "before-write": 0, "after-write": 0 };
  private delayMs = 0;

  constructor(spec: FaultSpec = {}) {
    this.apply(spec);
  }

  /** Arms everything `spec` names (leaves the rest as it is). */
  apply(spec: FaultSpec): void {
    if (spec.failNext !== undefined) this.failNext(spec.failNext.count, spec.failNext.status);
    if (spec.resetConnection !== undefined) this.resetConnection(spec.resetConnection.when, spec.resetConnection.count);
    if (spec.delayMs !== undefined) this.delay(spec.delayMs);
  }

  failNext(count: number, status: number): void {
    this.failures = { count, status };
  }

  resetConnection(when: ResetWhen, count = 1): void {
    this.resets[when] = count;
  }

  delay(ms: number): void {
    this.delayMs = ms;
  }

  clear(): void {
    this.failures = { count: 0, status: 500 };
    this.resets = { "before-write": 0, "after-write": 0 };
    this.delayMs = 0;
  }

  pending(): FaultSpec {
    const spec: FaultSpec = {};
    if (this.failures.count > 0) spec.failNext = { ...this.failures };
    for (const when of ["before-write", "after-write"] as const) {
      if (this.resets[when] > 0) spec.resetConnection = { when, count: this.resets[when] };
    }
    if (this.delayMs > 0) spec.delayMs = this.delayMs;
    return spec;
  }

  /** Consumes one armed failure; answers its status, or undefined when none is armed. */
  takeFailure(): number | undefined {
    if (this.failures.count <= 0) return undefined;
    this.failures.count -= 1;
    return this.failures.status;
  }

  /** Consumes one armed reset of the given kind; answers whether one was armed. */
  takeReset(when: ResetWhen): boolean {
    if (this.resets[when] <= 0) return false;
    this.resets[when] -= 1;
    return true;
  }

  /** The delay to add to every answer. */
  answerDelay(): number {
    return this.delayMs;
  }
}

/** Parses a fault spec from untrusted JSON (the `/_local/faults` body); throws a readable Error. */
export function parseFaultSpec(value: unknown): FaultSpec & { clear?: boolean } {
  if (!isJsonObject(value)) throw new Error("The fault spec must be a JSON object.");
  const spec: FaultSpec & { clear?: boolean } = {};
  if (value.clear === true) spec.clear = true;
  const fail = value.failNext;
  if (fail !== undefined) {
    if (!isJsonObject(fail) || typeof fail.count !== "number" || typeof fail.status !== "number") throw new Error("failNext needs a numeric count and status.");
    spec.failNext = { count: fail.count, status: fail.status };
  }
  const reset = value.resetConnection;
  if (reset !== undefined) {
    if (!isJsonObject(reset) || (reset.when !== "before-write" && reset.when !== "after-write")) {
      throw new Error('resetConnection.when must be "before-write" or "after-write".');
    }
    spec.resetConnection = { when: reset.when, count: typeof reset.count === "number" ? reset.count : 1 };
  }
  if (value.delayMs !== undefined) {
    if (typeof value.delayMs !== "number" || value.delayMs < 0) throw new Error("delayMs must be a non-negative number.");
    spec.delayMs = value.delayMs;
  }
  return spec;
}
