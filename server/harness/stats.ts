/**
 * What the server counts: requests by endpoint and type, commands run (bulk children included),
 * schema-cache rebuilds and their modelled time, committed writes, lock usage and injected
 * faults. Exposed in-process (`stats()`) and at `GET /_local/stats`.
 */

/** A snapshot of the server's counters. */
export interface ServerStats {
  /** Requests received, keyed `"<endpoint> <type>"`, e.g. `"/v1/metadata pg_create_remote_relationship"` or `"GET /v1/version"`. */
  requests: Record<string, number>;
  /** Commands run under the metadata lock, bulk children included, keyed like `requests`. */
  commands: Record<string, number>;
  /** Schema-cache rebuilds (each costs `rebuildMs + rebuildMsPerObject × objects`). */
  rebuilds: number;
  /** Total modelled rebuild time, in milliseconds. */
  rebuildMs: number;
  /** Catalog introspections of sources (each costs `catalogIntrospectionMs`); see engine/sourceResolution.ts for when one happens. */
  catalogIntrospections: number;
  /** Total modelled catalog introspection time, in milliseconds. */
  catalogIntrospectionMs: number;
  /** Writes committed to metadata storage. */
  writes: number;
  /** The current metadata `resource_version`. */
  resourceVersion: number;
  /** The metadata lock: most requests in its queue at once (the one holding it included), and how many times it was taken. */
  lock: { maxQueued: number; acquisitions: number };
  /** Faults injected so far. */
  faults: { failed: number; resetBeforeWrite: number; resetAfterWrite: number; delayed: number };
}

/** Mutable counters behind `ServerStats`. */
export class StatsRecorder {
  private data = StatsRecorder.empty();

  private static empty(): Omit<ServerStats, "resourceVersion" | "lock"> {
    return {
      requests: {},
      commands: {},
      rebuilds: 0,
      rebuildMs: 0,
      catalogIntrospections: 0,
      catalogIntrospectionMs: 0,
      writes: 0,
      faults: { failed: 0, resetBeforeWrite: 0, resetAfterWrite: 0, delayed: 0 },
    };
  }

  /** Counts a received request. */
  request(key: string): void {
    this.data.requests[key] = (this.data.requests[key] ?? 0) + 1;
  }

  /** Counts a command run under the lock. */
  command(key: string): void {
    this.data.commands[key] = (this.data.commands[key] ?? 0) + 1;
  }

  /** Counts a rebuild that cost `ms`. */
  rebuild(ms: number): void {
    this.data.rebuilds += 1;
    this.data.rebuildMs += ms;
  }

  /** Counts a catalog introspection that cost `ms`. */
  catalogIntrospection(ms: number): void {
    this.data.catalogIntrospections += 1;
    this.data.catalogIntrospectionMs += ms;
  }

  /** Counts a committed write. */
  write(): void {
    this.data.writes += 1;
  }

  /** Counts an injected fault. */
  fault(kind: keyof ServerStats["faults"]): void {
    this.data.faults[kind] += 1;
  }

  /** A deep copy of the counters, completed with the values the recorder does not own. */
  snapshot(resourceVersion: number, lock: ServerStats["lock"]): ServerStats {
    return { ...structuredClone(this.data), resourceVersion, lock: { ...lock } };
  }

  /** Sets every counter back to zero. */
  reset(): void {
    this.data = StatsRecorder.empty();
  }
}
