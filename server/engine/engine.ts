/**
 * The metadata engine: the committed state, the server-wide FIFO lock every metadata request
 * waits on, the rebuild cost model, `resource_version` checks and bumps, and persistence. One
 * request runs as one transaction: it commits only when it succeeds and modifies metadata.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { JsonObject, JsonValue } from "../../model";
import { apiError, isApiError, withPath, type ApiError } from "../base/apiError";
import type { Command } from "../commands/command";
import { metadataJson } from "../metadata/serialize";
import { countObjects, type Metadata } from "../metadata/records";
import type { Profile } from "../schemaCache/inconsistency";
import type { StatsRecorder } from "../harness/stats";
import type { Databases } from "./catalog";
import { FifoLock } from "./lock";
import type { Endpoint, EngineState, IntrospectedSchema } from "./state";
import { Tx, type TxServices } from "./tx";

/** The result of one request: a success body or a Hasura error. */
export type Outcome = { status: 200; body: JsonValue } | { status: number; error: ApiError };

/** What the engine is built from. */
export interface EngineOptions {
  databases: Databases;
  profile: Profile;
  rebuildMs: number;
  rebuildMsPerObject: number;
  /** Modelled cost of one source's catalog introspection, in ms. */
  catalogIntrospectionMs: number;
  stats: StatsRecorder;
  introspect(name: string, definition: JsonObject): Promise<IntrospectedSchema>;
  /** Stores committed metadata durably before the answer is sent. */
  persist?(resourceVersion: number, metadata: JsonObject): Promise<void>;
  /** Waits out a modelled cost while the lock is held; node's timer by default, a fake in tests. */
  sleep?(ms: number): Promise<void>;
}

/** Serialises and runs metadata commands over the committed state. */
export class Engine {
  private readonly lock = new FifoLock();
  private state: EngineState;
  private version: number;

  constructor(
    private readonly options: EngineOptions,
    initial: EngineState,
    resourceVersion: number,
  ) {
    this.state = initial;
    this.version = resourceVersion;
  }

  private sleep(ms: number): Promise<void> {
    return this.options.sleep === undefined ? sleep(ms) : this.options.sleep(ms);
  }

  /** Replaces the committed state without a write (start-up loading only). */
  adopt(state: EngineState, resourceVersion: number): void {
    this.state = state;
    this.version = resourceVersion;
  }

  /** Stores the committed state as it is (start-up, when the data directory was empty). */
  async persistCurrent(): Promise<void> {
    await this.options.persist?.(this.version, metadataJson(this.state.metadata));
  }

  /** The current `resource_version`. */
  get resourceVersion(): number {
    return this.version;
  }

  /** The committed metadata (a copy). */
  metadata(): Metadata {
    return structuredClone(this.state.metadata);
  }

  /** Lock usage for stats. */
  lockUsage(): { maxQueued: number; acquisitions: number } {
    const { maxQueued, acquisitions } = this.lock.usage();
    return { maxQueued, acquisitions };
  }

  /** Forgets lock usage (stats reset). */
  resetLockUsage(): void {
    this.lock.resetUsage();
  }

  /** Services for a transaction started from `endpoint`. */
  services(endpoint: Endpoint): TxServices {
    return {
      databases: this.options.databases,
      profile: this.options.profile,
      resourceVersion: () => this.version,
      rebuildCost: async (metadata) => {
        const ms = this.options.rebuildMs + this.options.rebuildMsPerObject * countObjects(metadata);
        this.options.stats.rebuild(ms);
        if (ms > 0) await this.sleep(ms);
      },
      catalogIntrospectionCost: async () => {
        const ms = this.options.catalogIntrospectionMs;
        this.options.stats.catalogIntrospection(ms);
        if (ms > 0) await this.sleep(ms);
      },
      introspect: (name, definition) => this.options.introspect(name, definition),
      countCommand: (type) => this.options.stats.command(`${endpoint} ${type}`),
    };
  }

  /** Runs `command` under the lock as one transaction; `resourceVersion` is the one the caller expects. */
  async execute(endpoint: Endpoint, command: Command, resourceVersion?: number): Promise<Outcome> {
    return this.lock.run(async () => {
      const tx = new Tx(this.state, this.services(endpoint));
      try {
        tx.services.countCommand(command.type);
        const body = await withPath("args", () => command.run(tx));
        if (command.modifiesMetadata) await this.commit(tx, resourceVersion);
        return { status: 200, body };
      } catch (error) {
        if (isApiError(error)) return { status: error.status, error };
        throw error;
      }
    });
  }

  private async commit(tx: Tx, expected: number | undefined): Promise<void> {
    if (expected !== undefined && expected !== this.version) {
      throw apiError({ status: 409, code: "conflict", error: `metadata resource version referenced (${expected}) did not match current version`, path: [] });
    }
    const next = this.version + 1;
    // Stored first, as Hasura writes the catalog before it swaps in the new schema cache.
    await this.options.persist?.(next, metadataJson(tx.metadata));
    this.state = tx.snapshot();
    this.version = next;
    this.options.stats.write();
  }
}
