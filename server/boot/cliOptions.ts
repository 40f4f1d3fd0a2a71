/**
 * Command-line flags of `npm run hasura:local`, turned into `HasuraServerOptions`. Pure apart
 * from reading the `--database` file; throws an Error with a readable message on bad input.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { load } from "js-yaml";
import { defaultSchema } from "../../model";
import type { TableSpec } from "../engine/catalog";
import type { FaultSpec } from "../harness/faults";
import type { HasuraServerOptions } from "./options";

/** The flags, as `parseArgs` declares them. */
export const cliFlags = {
  port: { type: "string" },
  host: { type: "string" },
  "admin-secret": { type: "string" },
  environment: { type: "string" },
  "data-dir": { type: "string" },
  database: { type: "string" },
  track: { type: "string", multiple: true },
  "remote-schema": { type: "string", multiple: true },
  "rebuild-ms": { type: "string" },
  "rebuild-ms-per-object": { type: "string" },
  "catalog-introspection-ms": { type: "string" },
  "server-version": { type: "string" },
  "fail-next": { type: "string" },
  "fail-status": { type: "string" },
  "reset-connection": { type: "string" },
  "reset-count": { type: "string" },
  "delay-ms": { type: "string" },
  help: { type: "boolean" },
} as const;

/** Usage text for `--help`. */
export const usage = `Usage: npm run hasura:local -- [flags]
  --port N                   port to listen on (default 0: a free port)
  --host H                   interface (default 127.0.0.1)
  --admin-secret S           admin secret (default: the environment's, else none)
  --environment FILE         environment.yaml to set up (catalog, tables, remote schema servers)
  --data-dir DIR             keep metadata across restarts in DIR/metadata.json
  --database FILE            YAML/JSON list of extra tables {schema, name, columns: [{name, type}]}
  --track [schema.]name      track a table at start (repeatable)
  --remote-schema name=url   add a remote schema at start (repeatable)
  --rebuild-ms N             base cost of a schema-cache rebuild in ms (default 0)
  --rebuild-ms-per-object N  extra rebuild cost per metadata object in ms (default 0)
  --catalog-introspection-ms N  cost of one source's catalog introspection in ms (default 0)
  --server-version V         what GET /v1/version answers (v1.x = Hasura 1.3 mode)
  --fail-next N              fail the next N API requests ...
  --fail-status S            ... with HTTP status S (default 500)
  --reset-connection WHEN    reset the connection of writes: before-write | after-write
  --reset-count N            ... for the next N writes (default 1)
  --delay-ms N               delay every API answer by N ms`;

function number(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${flag} needs a non-negative number, got "${value}".`);
  return parsed;
}

function table(text: string): { schema: string; name: string } {
  const dot = text.indexOf(".");
  return dot === -1 ? { schema: defaultSchema, name: text } : { schema: text.slice(0, dot), name: text.slice(dot + 1) };
}

function remoteSchema(text: string): { name: string; url: string } {
  const equals = text.indexOf("=");
  if (equals <= 0) throw new Error(`--remote-schema needs name=url, got "${text}".`);
  return { name: text.slice(0, equals), url: text.slice(equals + 1) };
}

interface FaultFlags {
  "fail-next"?: string;
  "fail-status"?: string;
  "reset-connection"?: string;
  "reset-count"?: string;
  "delay-ms"?: string;
}

function faults(values: FaultFlags): FaultSpec | undefined {
  const spec: FaultSpec = {};
  const failNext = number("fail-next", values["fail-next"]);
  if (failNext !== undefined) spec.failNext = { count: failNext, status: number("fail-status", values["fail-status"]) ?? 500 };
  const when = values["reset-connection"];
  if (when !== undefined) {
    if (when !== "before-write" && when !== "after-write") throw new Error("--reset-connection takes before-write or after-write.");
    spec.resetConnection = { when, count: number("reset-count", values["reset-count"]) ?? 1 };
  }
  const delay = number("delay-ms", values["delay-ms"]);
  if (delay !== undefined) spec.delayMs = delay;
  return Object.keys(spec).length === 0 ? undefined : spec;
}

function database(file: string | undefined): TableSpec[] | undefined {
  if (file === undefined) return undefined;
  const tables = load(readFileSync(file, "utf8"));
  if (!Array.isArray(tables)) throw new Error(`--database ${file} must hold a list of tables.`);
  return tables as TableSpec[];
}

/** Parses argv (without node and script); answers the options, or `help: true`. */
export function parseCliOptions(argv: readonly string[]): { help: boolean; options: HasuraServerOptions } {
  const { values } = parseArgs({ args: [...argv], options: cliFlags, strict: true, allowPositionals: false });
  const options: HasuraServerOptions = {
    port: number("port", values.port),
    host: values.host,
    adminSecret: values["admin-secret"],
    environment: values.environment,
    dataDir: values["data-dir"],
    database: database(values.database),
    trackedTables: values.track?.map(table),
    remoteSchemas: values["remote-schema"]?.map(remoteSchema),
    rebuildMs: number("rebuild-ms", values["rebuild-ms"]),
    rebuildMsPerObject: number("rebuild-ms-per-object", values["rebuild-ms-per-object"]),
    catalogIntrospectionMs: number("catalog-introspection-ms", values["catalog-introspection-ms"]),
    serverVersion: values["server-version"],
    faults: faults(values),
  };
  for (const key of Object.keys(options) as (keyof HasuraServerOptions)[]) if (options[key] === undefined) delete options[key];
  return { help: values.help === true, options };
}
