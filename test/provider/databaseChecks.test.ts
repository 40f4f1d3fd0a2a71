/**
 * Issue 20: check asks Hasura what a relationship names in its database sources (the metadata's
 * sources, tracked tables and computed fields; each Postgres-family source's columns through one
 * read-only run_sql) and refuses what Hasura would refuse, naming the property, with Hasura's own
 * reason (the very text the local Hasura answers to the write), then the fix.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { qualifyTable, type RelationshipTarget } from "../../model";
import { remoteRelationshipProvider as provider, remoteSchemaRelationshipProvider as schemaProvider } from "../../provider";
import { remoteSchemaRelationshipRequest, tableRelationshipRequest } from "../../provider/hasura/requests";
import { unknownValue } from "../../provider/inputs/unknowns";
import type { RunningHasuraServer } from "../../server";
import { failureAt, placeOf } from "../support/checkFailures";
import { startGateProxy } from "../support/gateProxy";
import { configureProvider, conformanceSecret, profilesRelationship, startConformanceHasura } from "../support/localHasura";
import { metadata, objectBody } from "../server/helpers";

/** Functions behind the computed fields of public.profiles: one Hasura joins on, and three it does not. */
const functions = `
CREATE FUNCTION public.name_length(p public.profiles) RETURNS integer LANGUAGE sql STABLE AS $$ SELECT length(p.name) $$;
CREATE FUNCTION public.greeting(p public.profiles, prefix text) RETURNS text LANGUAGE sql STABLE AS $$ SELECT prefix || p.name $$;
CREATE FUNCTION public.same_name(p public.profiles) RETURNS SETOF public.profiles LANGUAGE sql STABLE AS $$ SELECT * FROM public.profiles WHERE name = p.name $$;
`;

/**
 * The conformance world (public.profiles(id integer, name text) and custom.profiles tracked in
 * `default`, hasura.album(id, title, artist_id integer) in `target`, remote schema "user" with type
 * User(id, username)), plus the functions above, a SQL Server source and a MySQL one.
 */
async function startWorld(): Promise<RunningHasuraServer> {
  const server = await startConformanceHasura({
    sources: [
      { name: "default", tables: [], sql: functions },
      {
        name: "reports",
        kind: "mssql",
        tables: [{ schema: "dbo", name: "sales", columns: [{ name: "id", type: "integer" }] }],
        trackedTables: [{ schema: "dbo", name: "sales" }],
      },
      {
        name: "legacy",
        kind: "mysql",
        tables: [{ schema: "public", name: "orders", columns: [{ name: "id", type: "integer" }] }],
        trackedTables: [{ schema: "public", name: "orders" }],
      },
    ],
  });
  for (const name of ["name_length", "greeting", "same_name"]) {
    const added = await metadata(server, { type: "pg_add_computed_field", args: { table: "profiles", name, definition: { function: name } } });
    assert.equal(added.status, 200, JSON.stringify(added.body));
  }
  // What Hasura can hold but not build, as after the database changed under it: a table "ghost"
  // tracked in both sources that no database has, and a computed field whose function is gone.
  const document = server.exportMetadata();
  for (const source of document.sources) {
    if (source.name === "default" || source.name === "target") source.tables.push({ table: { schema: "public", name: "ghost" } });
  }
  const profiles = document.sources[0].tables.find((entry) => qualifyTable(entry.table).name === "profiles" && qualifyTable(entry.table).schema === "public");
  assert.ok(profiles);
  profiles.computed_fields = [
    ...(Array.isArray(profiles.computed_fields) ? profiles.computed_fields : []),
    { name: "broken", definition: { function: "nope" } },
  ];
  const replaced = await metadata(server, { type: "replace_metadata", version: 2, args: { allow_inconsistent_metadata: true, metadata: document } });
  assert.equal(replaced.status, 200, JSON.stringify(replaced.body));
  return server;
}

const toAlbum = { relationshipType: "array", source: "target", table: { schema: "hasura", name: "album" }, fieldMapping: { id: "artist_id" } };

/** The same on public.profiles, joining hasura.album of source "target" (or as the row says). */
function toSourceRelationship(endpoint: string, toSource: Record<string, unknown>): Record<string, unknown> {
  return { endpoint, name: "rel", table: "profiles", toSource: { ...toAlbum, ...toSource } };
}

/** A relationship on remote schema "user"'s type User, joining hasura.album of source "target" (or as the row says). */
function schemaRelationship(endpoint: string, toSource: Record<string, unknown>): Record<string, unknown> {
  return {
    endpoint,
    remoteSchema: "user",
    typeName: "User",
    name: "albums",
    toSource: { ...toAlbum, fieldMapping: { id: "id" }, relationshipType: "object", ...toSource },
  };
}

const inProfiles = 'Inconsistent object: in table "profiles": in remote relationship "rel": ';
const allowed = 'the allowed fields are "id", "name", or "name_length""';

/** One wrong relationship: what it is, its inputs, the property check names, Hasura's reason (as the local Hasura answers the write), the fix. */
interface Wrong {
  readonly what: string;
  readonly kind: "table" | "type";
  readonly inputs: (endpoint: string) => Record<string, unknown>;
  readonly property: string;
  readonly hasura: string;
  readonly fix: string;
}

const wrong: Wrong[] = [
  {
    what: "a table its source does not track",
    kind: "table",
    inputs: (endpoint) => profilesRelationship(endpoint, { table: "profile" }),
    property: "table",
    hasura: 'table "profile" does not exist in source: default',
    fix: 'Track the table in Hasura first, or fix table: source "default" tracks "profiles", "custom.profiles", "ghost".',
  },
  {
    what: "a table the database has but Hasura does not track",
    kind: "table",
    inputs: (endpoint) => profilesRelationship(endpoint, { table: "not_tracked" }),
    property: "table",
    hasura: 'table "not_tracked" does not exist in source: default',
    fix: 'Track the table in Hasura first, or fix table: source "default" tracks "custom.profiles", "ghost", "profiles".',
  },
  {
    what: "a tracked table its database does not have",
    kind: "table",
    inputs: (endpoint) => profilesRelationship(endpoint, { table: "ghost" }),
    property: "table",
    hasura: 'table "ghost" does not exist in source: default',
    fix: 'Source "default" tracks it, but its database has no such table or view: create it there, or fix table.',
  },
  {
    what: "a source Hasura does not have",
    kind: "table",
    inputs: (endpoint) => profilesRelationship(endpoint, { source: "defualt" }),
    property: "source",
    hasura: 'table "profiles" does not exist in source: defualt',
    fix: 'Add the source to Hasura first, or fix source: Hasura has "default", "target", "reports", "legacy".',
  },
  {
    what: "a join column the table does not have",
    kind: "table",
    inputs: (endpoint) => profilesRelationship(endpoint, { hasuraFields: ["nme"], remoteField: { user: { arguments: { id: "$nme" } } } }),
    property: "hasuraFields[0]",
    hasura: `${inProfiles}field with name "nme"is not provided by the lhs entity""profiles"for defining a join condition, ${allowed}`,
    fix: 'Use columns or computed fields of "profiles" in hasuraFields: "name", "id", "name_length".',
  },
  {
    what: "a join on a computed field whose function takes an argument",
    kind: "table",
    inputs: (endpoint) => profilesRelationship(endpoint, { hasuraFields: ["greeting"], remoteField: { user: { arguments: { id: "$greeting" } } } }),
    property: "hasuraFields[0]",
    hasura: `${inProfiles}field with name "greeting"is not provided by the lhs entity""profiles"for defining a join condition, ${allowed}`,
    fix:
      '"greeting" cannot join: its function "greeting" takes arguments besides the row and the session ("prefix"). ' +
      'Use columns or computed fields of "profiles" in hasuraFields: "id", "name", "name_length".',
  },
  {
    what: "a join on a computed field that returns rows",
    kind: "table",
    inputs: (endpoint) => profilesRelationship(endpoint, { hasuraFields: ["same_name"], remoteField: { user: { arguments: { id: "$same_name" } } } }),
    property: "hasuraFields[0]",
    hasura: `${inProfiles}field with name "same_name"is not provided by the lhs entity""profiles"for defining a join condition, ${allowed}`,
    fix:
      '"same_name" cannot join: its function "same_name" returns a set of rows, not one value. ' +
      'Use columns or computed fields of "profiles" in hasuraFields: "id", "name", "name_length".',
  },
  {
    what: "a join on a computed field Hasura cannot build",
    kind: "table",
    inputs: (endpoint) => profilesRelationship(endpoint, { hasuraFields: ["broken"], remoteField: { user: { arguments: { id: "$broken" } } } }),
    property: "hasuraFields[0]",
    hasura: `${inProfiles}field with name "broken"is not provided by the lhs entity""profiles"for defining a join condition, ${allowed}`,
    fix:
      '"broken" cannot join: Hasura cannot build it: no such function exists: "nope". ' +
      'Use columns or computed fields of "profiles" in hasuraFields: "id", "name", "name_length".',
  },
  {
    what: "a relationship named like a column of its table",
    kind: "table",
    inputs: (endpoint) => profilesRelationship(endpoint, { name: "name" }),
    property: "name",
    hasura: "Inconsistent object: field definition conflicts with postgres column",
    fix: '"name" is a column of "profiles": give the relationship another name.',
  },
  {
    what: "a toSource source Hasura does not have",
    kind: "table",
    inputs: (endpoint) => toSourceRelationship(endpoint, { source: "targte" }),
    property: "toSource.source",
    hasura: `${inProfiles}source not found: "targte"`,
    fix: 'Add the source to Hasura first, or fix toSource.source: Hasura has "target", "default", "reports", "legacy".',
  },
  {
    what: "a toSource source of a kind that cannot be a target",
    kind: "table",
    inputs: (endpoint) => toSourceRelationship(endpoint, { source: "legacy", table: "orders", fieldMapping: { id: "id" } }),
    property: "toSource.source",
    hasura: `${inProfiles}source legacy does not support being used as the target of a remote relationship`,
    fix: "A mysql source cannot be the target of a remote relationship: join a table of a Postgres, Citus, CockroachDB, SQL Server or BigQuery source in toSource.source.",
  },
  {
    what: "a toSource table its source does not track",
    kind: "table",
    inputs: (endpoint) => toSourceRelationship(endpoint, { table: { schema: "hasura", name: "albums" } }),
    property: "toSource.table",
    hasura: `${inProfiles}table "hasura.albums" does not exist in source: target`,
    fix: 'Track the table in source "target" first, or fix toSource.table: it tracks "hasura.album", "ghost".',
  },
  {
    what: "a tracked toSource table its database does not have",
    kind: "table",
    inputs: (endpoint) => toSourceRelationship(endpoint, { table: "ghost" }),
    property: "toSource.table",
    hasura: `${inProfiles}table "ghost" does not exist in source: target`,
    fix: 'Source "target" tracks it, but its database has no such table or view: create it there, or fix toSource.table.',
  },
  {
    what: "a fieldMapping key that is not a column of the table",
    kind: "table",
    inputs: (endpoint) => toSourceRelationship(endpoint, { fieldMapping: { profile_id: "artist_id" } }),
    property: "toSource.fieldMapping.profile_id",
    hasura: `${inProfiles}"profile_id" does not exist`,
    fix: 'Use columns or computed fields of "profiles" as the keys of toSource.fieldMapping: "id", "name", "name_length".',
  },
  {
    what: "a fieldMapping key that is a computed field Hasura cannot join on",
    kind: "table",
    inputs: (endpoint) => toSourceRelationship(endpoint, { fieldMapping: { greeting: "title" } }),
    property: "toSource.fieldMapping.greeting",
    hasura: `${inProfiles}"greeting" does not exist`,
    fix:
      '"greeting" cannot join: its function "greeting" takes arguments besides the row and the session ("prefix"). ' +
      'Use columns or computed fields of "profiles" as the keys of toSource.fieldMapping: "id", "name", "name_length".',
  },
  {
    what: "a fieldMapping value that is not a column of the target",
    kind: "table",
    inputs: (endpoint) => toSourceRelationship(endpoint, { fieldMapping: { id: "artistId" } }),
    property: "toSource.fieldMapping.id",
    hasura: `${inProfiles}"artistId" does not exist`,
    fix: 'Use columns of "hasura.album" as the values of toSource.fieldMapping: "artist_id", "id", "title".',
  },
  {
    what: "a type's toSource fieldMapping key that is not a field of the type",
    kind: "type",
    inputs: (endpoint) => schemaRelationship(endpoint, { fieldMapping: { userId: "id" } }),
    property: "toSource.fieldMapping.userId",
    hasura: 'Inconsistent object: in remote relationship "albums": "userId" does not exist',
    fix: 'Use fields of type "User" as the keys of toSource.fieldMapping: "id", "username".',
  },
  {
    what: "a type's toSource fieldMapping value that is not a column of the target",
    kind: "type",
    inputs: (endpoint) => schemaRelationship(endpoint, { fieldMapping: { id: "album_id" } }),
    property: "toSource.fieldMapping.id",
    hasura: 'Inconsistent object: in remote relationship "albums": "album_id" does not exist',
    fix: 'Use columns of "hasura.album" as the values of toSource.fieldMapping: "id", "title", "artist_id".',
  },
  {
    what: "a type's toSource table its source does not track",
    kind: "type",
    inputs: (endpoint) => schemaRelationship(endpoint, { table: "album" }),
    property: "toSource.table",
    hasura: 'Inconsistent object: in remote relationship "albums": table "album" does not exist in source: target',
    fix: 'Track the table in source "target" first, or fix toSource.table: it tracks "hasura.album", "ghost".',
  },
];

/** The write Hasura would get for these inputs, as the provider sends it alone: a create, or its delete. */
function writeRequest(kind: Wrong["kind"], inputs: Record<string, unknown>, write: "create" | "delete") {
  const change = write === "create" ? { kind: write, target: targetOf(inputs) } : { kind: write };
  if (kind === "type") {
    const key = { remoteSchema: String(inputs.remoteSchema), typeName: String(inputs.typeName), name: String(inputs.name) };
    return remoteSchemaRelationshipRequest("metadata", key, change);
  }
  const key = { source: String(inputs.source ?? "default"), table: qualifyTable(inputs.table as string), name: String(inputs.name) };
  return tableRelationshipRequest("metadata", key, change);
}

function targetOf(inputs: Record<string, unknown>): RelationshipTarget {
  if (inputs.toSource !== undefined) {
    const toSource = inputs.toSource as {
      relationshipType: "object" | "array";
      source: string;
      table: string | { schema: string; name: string };
      fieldMapping: Record<string, string>;
    };
    return { kind: "toSource", ...toSource, table: qualifyTable(toSource.table) };
  }
  return {
    kind: "toRemoteSchema",
    remoteSchema: String(inputs.remoteSchema),
    lhsFields: inputs.hasuraFields as string[],
    remoteField: inputs.remoteField as { user: { arguments: Record<string, string> } },
  };
}

/** Runs `action` and answers the warning lines it printed. */
async function warningsOf(action: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => (lines.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    await action();
  } finally {
    process.stderr.write = write;
  }
  return lines.filter((line) => line.startsWith("warning:")).map((line) => line.trimEnd());
}

describe("database checks at check", () => {
  let server: RunningHasuraServer;
  before(async () => {
    server = await startWorld();
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret });
  });
  after(() => server.stop());

  describe("refuses what Hasura would refuse, naming the property, with Hasura's own reason and the fix", () => {
    for (const { what, kind, inputs, property, hasura, fix } of wrong) {
      it(what, async () => {
        const checked = await (kind === "table" ? provider : schemaProvider).check({}, { ...inputs(server.url), __dryRun: true });
        assert.deepEqual(checked.failures, [failureAt(property, `Hasura would refuse it: ${hasura}. ${fix}`)]);
        // The reason is what Hasura answers the write: the local Hasura says exactly that, and keeps nothing.
        const answer = objectBody(await metadata(server, writeRequest(kind, inputs(server.url), "create").body));
        assert.equal(answer.error, hasura);
      });
    }
  });

  const valid: [string, "table" | "type", (endpoint: string) => Record<string, unknown>][] = [
    ["a join on a column", "table", (endpoint) => profilesRelationship(endpoint, {})],
    [
      "a join on a computed field Hasura joins on",
      "table",
      (endpoint) => profilesRelationship(endpoint, { hasuraFields: ["name_length"], remoteField: { user: { arguments: { id: "$name_length" } } } }),
    ],
    ["a table of another schema", "table", (endpoint) => profilesRelationship(endpoint, { table: { schema: "custom", name: "profiles" }, name: "other" })],
    ["a toSource join of columns", "table", (endpoint) => toSourceRelationship(endpoint, {})],
    ["a toSource join from a computed field", "table", (endpoint) => toSourceRelationship(endpoint, { fieldMapping: { name_length: "id" } })],
    [
      "a toSource join within the same source",
      "table",
      (endpoint) => toSourceRelationship(endpoint, { source: "default", table: { schema: "custom", name: "profiles" }, fieldMapping: { id: "id" } }),
    ],
    ["a type's toSource join", "type", (endpoint) => schemaRelationship(endpoint, {})],
  ];
  for (const [what, kind, inputs] of valid) {
    it(`accepts ${what}, as Hasura does`, async () => {
      const checked = await (kind === "table" ? provider : schemaProvider).check({}, { ...inputs(server.url), __dryRun: true });
      assert.equal(checked.failures, undefined);
      assert.deepEqual((await metadata(server, writeRequest(kind, inputs(server.url), "create").body)).body, { message: "success" });
      assert.deepEqual((await metadata(server, writeRequest(kind, inputs(server.url), "delete").body)).body, { message: "success" });
    });
  }

  it("warns, once, of a join of two columns whose types Postgres cannot compare, naming both columns and types", async () => {
    const mismatched = toSourceRelationship(server.url, { fieldMapping: { name: "artist_id" } });
    const warnings = await warningsOf(async () => {
      assert.equal((await provider.check({}, { ...mismatched, __dryRun: true })).failures, undefined);
      assert.equal((await provider.check({}, { ...mismatched, __dryRun: true })).failures, undefined);
    });
    assert.deepEqual(warnings, [
      'warning: remote relationship "default/public/profiles/rel": toSource.fieldMapping joins column "name" of "profiles" (text) to column ' +
        '"artist_id" of "hasura.album" in source "target" (integer), and Postgres cannot compare text with integer: Hasura accepts the ' +
        "relationship, but its queries fail at run time (hasura#10803). Join columns of the same type, or of comparable ones (two numbers, two strings).",
    ]);
  });

  it("checks the tables of a source whose columns it cannot read, and skips its columns with one note", async () => {
    const onSales = (endpoint: string, change: Record<string, unknown>) =>
      profilesRelationship(endpoint, { source: "reports", table: { schema: "dbo", name: "sales" }, ...change });
    const warnings = await warningsOf(async () => {
      const typo = onSales(server.url, { hasuraFields: ["sale_id"], remoteField: { user: { arguments: { id: "$sale_id" } } } });
      assert.equal((await provider.check({}, { ...typo, __dryRun: true })).failures, undefined);
      assert.equal(
        (
          await provider.check(
            {},
            {
              ...toSourceRelationship(server.url, { source: "reports", table: { schema: "dbo", name: "sales" }, fieldMapping: { id: "sale" } }),
              __dryRun: true,
            },
          )
        ).failures,
        undefined,
      );
      const table = await provider.check({}, { ...onSales(server.url, { table: { schema: "dbo", name: "sale" } }), __dryRun: true });
      assert.deepEqual(table.failures?.map(placeOf), ["table"]);
    });
    assert.deepEqual(warnings, [
      `warning: could not read the columns of source "reports" at Hasura ${server.url} (a mssql source, whose run_sql is not Postgres's), so the join ` +
        "columns of its tables (hasuraFields, toSource.fieldMapping) were not checked; its tables were. Hasura will judge the columns when they are written.",
    ]);
  });

  describe("asks Hasura little", () => {
    const requests = () => server.stats().requests;

    it("reads the metadata once and each source's columns once, however many relationships and sources' tables they name", async () => {
      await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret });
      server.resetStats();
      const many = [
        ...Array.from({ length: 20 }, (_, index) => profilesRelationship(server.url, { name: `rel${index}` })),
        ...Array.from({ length: 20 }, (_, index) => ({ ...toSourceRelationship(server.url, { fieldMapping: { id: "id" } }), name: `to${index}` })),
        profilesRelationship(server.url, { table: { schema: "custom", name: "profiles" } }),
      ];
      // The engine checks one resource at a time; a program's host may still ask at once: both share the reads.
      for (const inputs of many.slice(0, 10)) assert.equal((await provider.check({}, { ...inputs, __dryRun: true })).failures, undefined);
      const rest = await Promise.all(many.slice(10).map((inputs) => provider.check({}, { ...inputs, __dryRun: true })));
      assert.deepEqual(
        rest.map((result) => result.failures),
        rest.map(() => undefined),
      );
      assert.equal(requests()["/v1/metadata export_metadata"], 1);
      assert.equal(requests()["/v2/query run_sql"], 2, "one run_sql for the default source, one for target");
    });

    it("sends nothing when hasura:validateLive is false", async () => {
      await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret, "hasura:validateLive": "false" });
      server.resetStats();
      assert.equal((await provider.check({}, { ...profilesRelationship(server.url, { table: "profile" }), __dryRun: true })).failures, undefined);
      assert.deepEqual(requests(), {});
      await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret });
    });

    it("sends nothing for an unchanged relationship outside a preview, and checks it in one", async () => {
      await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret });
      const olds = (await provider.check({}, profilesRelationship(server.url, { table: "ghost" }))).failures;
      assert.deepEqual(olds?.map(placeOf), ["table"], "a new relationship is checked in an up too");
      await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret });
      server.resetStats();
      const unchanged = profilesRelationship(server.url, { table: "ghost" });
      const stored = { ...unchanged, source: "default", table: { schema: "public", name: "ghost" } };
      assert.equal((await provider.check(stored, unchanged)).failures, undefined);
      assert.deepEqual(requests(), {});
      assert.deepEqual((await provider.check(stored, { ...unchanged, __dryRun: true })).failures?.map(placeOf), ["table"]);
    });

    it("checks the table while the target is not known yet, and the target once it is", async () => {
      await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret });
      const pending = toSourceRelationship(server.url, {});
      const table = await provider.check({}, { ...pending, table: "profile", toSource: unknownValue, __dryRun: true });
      assert.deepEqual(table.failures?.map(placeOf), ["table"]);
      assert.equal((await provider.check({}, { ...pending, toSource: unknownValue, __dryRun: true })).failures, undefined);
      const known = await provider.check({}, { ...toSourceRelationship(server.url, { fieldMapping: { id: "nope" } }), __dryRun: true });
      assert.deepEqual(known.failures?.map(placeOf), ["toSource.fieldMapping.id"]);
    });
  });
});

describe("database checks' messages stay short, whatever the database holds or the inputs say", () => {
  let server: RunningHasuraServer;
  const wide = { schema: "public", name: "wide" };
  const many = Array.from({ length: 300 }, (_, index) => ({ schema: "public", name: `t${index}` }));
  const long = "x".repeat(5_000);
  before(async () => {
    server = await startConformanceHasura({
      sources: [
        {
          name: "wide",
          tables: [
            { ...wide, columns: Array.from({ length: 1_500 }, (_, index) => ({ name: `c${index}`, type: "integer" })) },
            ...many.map((table) => ({ ...table, columns: [{ name: "id", type: "integer" }] })),
          ],
          trackedTables: [wide, ...many],
        },
      ],
    });
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret });
  });
  after(() => server.stop());

  const onWide = (change: Record<string, unknown>) => profilesRelationship(server.url, { source: "wide", table: wide, ...change });
  const cases: [string, () => Record<string, unknown>, string, RegExp][] = [
    ["a table among 301 tracked ones", () => onWide({ table: "t1000" }), "table", /"t100", .* and 291 more\.$/],
    [
      "a join column among 1,500",
      () => onWide({ hasuraFields: ["c15000"], remoteField: { user: { arguments: { id: "$c15000" } } } }),
      "hasuraFields[0]",
      /"c1000", .* and 1,490 more\.$/,
    ],
    [
      "a toSource value among 1,500 columns",
      () => toSourceRelationship(server.url, { source: "wide", table: wide, fieldMapping: { id: "c15000" } }),
      "toSource.fieldMapping.id",
      /and 1,490 more\.$/,
    ],
    ["a table named by 5,000 characters", () => onWide({ table: long }), "table", /and 291 more\.$/],
    ["a source named by 5,000 characters", () => onWide({ source: long }), "source", /Hasura has .*\.$/],
    ["a toSource source named by 5,000 characters", () => toSourceRelationship(server.url, { source: long }), "toSource.source", /Hasura has .*\.$/],
    [
      "a toSource table named by 5,000 characters",
      () => toSourceRelationship(server.url, { source: "wide", table: long, fieldMapping: { id: "id" } }),
      "toSource.table",
      /and 291 more\.$/,
    ],
    [
      "a fieldMapping value of 5,000 characters",
      () => toSourceRelationship(server.url, { source: "wide", table: wide, fieldMapping: { id: long } }),
      "toSource.fieldMapping.id",
      /and 1,490 more\.$/,
    ],
  ];
  for (const [what, inputs, property, ending] of cases) {
    it(`${what}: the reason names it shortened, lists a few and a count, and ends with the whole fix`, async () => {
      const checked = await provider.check({}, { ...inputs(), __dryRun: true });
      assert.equal(checked.failures?.length, 1, JSON.stringify(checked.failures));
      const [failure] = checked.failures ?? [];
      assert.equal(placeOf(failure), property);
      // An input too long for the engine to print beside the failure, like a place inside an input, starts the reason.
      const named = failure.property === "";
      if (what.includes("5,000 characters") && !what.includes("toSource")) assert.ok(named, "a 5,000-character input is not printed by the engine");
      assert.ok(failure.reason.length < 1_000, `${failure.reason.length} characters: ${failure.reason.slice(0, 300)}`);
      assert.ok(failure.reason.slice(named ? property.length + 2 : 0).startsWith("Hasura would refuse it: "), failure.reason.slice(0, 300));
      assert.ok(!failure.reason.includes("x".repeat(100)), "the long name is shortened");
      assert.match(failure.reason, ending);
    });
  }
});

describe("database checks on Citus and CockroachDB sources", () => {
  let server: RunningHasuraServer;
  const accounts = { schema: "public", name: "accounts" };
  before(async () => {
    server = await startConformanceHasura({
      sources: ["citus", "cockroach"].map((kind) => ({
        name: kind,
        kind,
        tables: [{ ...accounts, columns: [{ name: "id", type: "integer" }] }],
        trackedTables: [accounts],
      })),
    });
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": conformanceSecret });
  });
  after(() => server.stop());

  it("reads each one's columns through its own read-only run_sql, once, and refuses a column it lacks", async () => {
    server.resetStats();
    for (const source of ["citus", "cockroach"]) {
      const typo = profilesRelationship(server.url, {
        source,
        table: accounts,
        hasuraFields: ["account_id"],
        remoteField: { user: { arguments: { id: "$account_id" } } },
      });
      const checked = await provider.check({}, { ...typo, __dryRun: true });
      assert.deepEqual(checked.failures?.map(placeOf), ["hasuraFields[0]"]);
      assert.equal((await provider.check({}, { ...profilesRelationship(server.url, { source, table: accounts }), __dryRun: true })).failures, undefined);
    }
    const { requests } = server.stats();
    assert.equal(requests["/v2/query citus_run_sql"], 1);
    assert.equal(requests["/v2/query cockroach_run_sql"], 1);
    assert.equal(requests["/v2/query run_sql"], undefined);
  });
});

describe("a catalog read that never answers", () => {
  it("holds check for one check deadline, says so once, and the run asks that Hasura nothing more", async () => {
    const server = await startConformanceHasura();
    const proxy = await startGateProxy(server.url);
    try {
      proxy.mode = { kind: "silentFor", type: "run_sql" };
      await configureProvider({ "hasura:endpoint": proxy.url, "hasura:adminSecret": conformanceSecret, "hasura:checkTimeoutMs": "300" });
      const warnings = await warningsOf(async () => {
        for (const table of ["profiles", "profile", "custom.profiles"]) {
          const inputs = profilesRelationship(proxy.url, {
            table: table.includes(".") ? { schema: "custom", name: "profiles" } : table,
            name: `on_${table.replace(".", "_")}`,
          });
          assert.equal((await provider.check({}, { ...inputs, __dryRun: true })).failures, undefined, table);
        }
      });
      assert.deepEqual(
        proxy.seen.map((request) => request.type),
        ["GET /v1/version", "export_metadata", "run_sql"],
      );
      const waited = "no complete answer within 300 ms (hasura:checkTimeoutMs)";
      assert.deepEqual(warnings, [
        `warning: could not read the columns of source "default" at Hasura ${proxy.url} (${waited}), so the join columns of its tables (hasuraFields, toSource.fieldMapping) were not checked; its tables were. Hasura will judge the columns when they are written.`,
        `warning: could not ask Hasura at ${proxy.url} (${waited}), so nothing was checked against what it holds (tables, columns, remote schemas). Only the checks that need no network ran, and Hasura is not asked again in this run; Hasura will judge the rest when it is written.`,
      ]);
    } finally {
      await proxy.stop();
      await server.stop();
    }
  });
});
