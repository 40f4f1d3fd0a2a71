import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { exitCodeOf, renderJson, renderTable, type Drift, type DriftRecord, type DriftReport } from "../../../../generator/drift";

const adoptCommand = "npx pulumi-hasura-remote-relationships drift --endpoint http://h:8080 --stack alpha --emit-declarations > adopted.ts";

function record(id: string, status: DriftRecord["status"], extra: Partial<DriftRecord> = {}): DriftRecord {
  const onTable = id.split("/").length === 4;
  return {
    id,
    resourceType: onTable ? "RemoteRelationship" : "RemoteSchemaRelationship",
    noun: onTable ? "remote relationship" : "remote schema relationship",
    status,
    managedBy: status === "unmanaged" || status === "inconsistent" ? [] : [{ stack: "alpha", resource: id.split("/").pop() ?? "" }],
    differences: [],
    ...extra,
  };
}

function report(records: DriftRecord[], uncounted: Drift["uncounted"] = []): DriftReport {
  return { endpoint: "http://h:8080", server: "Hasura v2.48.3, /v1/metadata", stacks: ["alpha", "beta"], drift: { records, uncounted }, adoptCommand };
}

const drifted = [
  record("default/public/profiles/same", "in-sync"),
  record("default/public/profiles/changed", "changed", { differences: [{ path: ["hasuraFields"], state: ["id"], hasura: ["id", "name"] }] }),
  record("target/hasura/album/gone", "deleted"),
  record("default/public/profiles/broken", "inconsistent", {
    managedBy: [{ stack: "beta", resource: "broken" }],
    reason: 'Inconsistent object: in table "profiles": in remote relationship "broken": remote schema with name "gone" not found',
  }),
  record("user/User/stray", "unmanaged"),
];

describe("drift: the report", () => {
  it("is a short table: counts by status, each drifted relationship with what differs or Hasura's reason, then how to repair each group", () => {
    assert.equal(
      renderTable(report(drifted)),
      `Drift of the Hasura at http://h:8080 (Hasura v2.48.3, /v1/metadata) against stacks alpha and beta: 5 remote relationships.

  in sync       1
  changed       1
  deleted       1
  inconsistent  1
  unmanaged     1

changed (1): Hasura holds another definition than the stack's (the stack's => Hasura's)
  remote relationship         default/public/profiles/changed  stack alpha
      hasuraFields: ["id"] => ["id","name"]

deleted (1): a stack manages it, Hasura no longer holds it
  remote relationship         target/hasura/album/gone         stack alpha

inconsistent (1): Hasura holds it but cannot build it
  remote relationship         default/public/profiles/broken   stack beta
      Inconsistent object: in table "profiles": in remote relationship "broken": remote schema with name "gone" not found

unmanaged (1): Hasura holds it, no given stack manages it
  remote schema relationship  user/User/stray

To repair:
  changed, deleted: run \`pulumi up --refresh --stack alpha\` to write what the program declares (or \`pulumi refresh\`, then change the program to keep what Hasura holds).
  inconsistent, managed: fix the program so that Hasura can build it (\`pulumi preview --stack beta\` shows Hasura's reason at the property), then \`pulumi up\`.
  unmanaged: adopt them with \`${adoptCommand}\`, import that file from the program, then run \`pulumi up\` (it writes nothing to Hasura); or delete them in Hasura.
`,
    );
  });

  it("says so when everything is in sync, and what it did not count", () => {
    const text = renderTable(
      report(
        [record("default/public/profiles/same", "in-sync")],
        [
          { stack: "alpha", endpoint: "http://other:8080", resources: ["a", "b", "c", "d", "e"] },
          { stack: "beta", resources: ["odd"] },
        ],
      ),
    );
    assert.match(text, /\n {2}in sync {7}1\n {2}changed {7}0\n/);
    assert.match(
      text,
      /\nNot counted: stack alpha's resources "a", "b", "c" and 2 more at http:\/\/other:8080\. Run drift with --endpoint http:\/\/other:8080 for those\.\n/,
    );
    assert.match(
      text,
      /\nNot counted: stack beta's resource "odd", whose outputs are not those of a remote relationship this package reads\. Run `pulumi refresh --stack beta`\.\n/,
    );
    assert.match(text, /\nEverything is in sync\.\n$/);
  });

  it("keeps long groups and long differences short, pointing at --json for the rest", () => {
    const many = Array.from({ length: 60 }, (_, index) => record(`default/public/t/r${index}`, "unmanaged"));
    const differences = Array.from({ length: 8 }, (_, index) => ({ path: ["toSource", "fieldMapping", `c${index}`], state: "x".repeat(200) }));
    differences[0] = { path: ["remoteField", ...Array.from({ length: 200 }, (_, level) => (level % 2 === 0 ? `f${level}` : "field"))], state: "x".repeat(200) };
    const text = renderTable(report([...many, record("default/public/t/changed", "changed", { differences })]));
    assert.match(text, /\n {2}and 10 more \(--json lists every one\)\n/);
    assert.match(text, /\n {6}and 3 more differences\n/);
    assert.match(text, /\n {6}remoteField\.f0\.field\.f2\.field\.f4\.field\.f6\.\.\.\(189 more\)\.\.\.f196\.field\.f198\.field: "x{79}\.\.\. => \(none\)\n/);
    assert.ok(text.split("\n").every((line) => line.length < 400));
  });

  it("as JSON: the records with their status, ID, kind, managers, differences, reason and repair, and counts by status", () => {
    const json = JSON.parse(renderJson(report(drifted))) as { summary: Record<string, number>; relationships: Record<string, unknown>[] };
    assert.deepEqual(json.summary, { "in-sync": 1, changed: 1, deleted: 1, inconsistent: 1, unmanaged: 1 });
    assert.deepEqual(json.relationships[0], {
      id: "default/public/profiles/same",
      kind: "RemoteRelationship",
      status: "in-sync",
      managedBy: [{ stack: "alpha", resource: "same" }],
    });
    assert.deepEqual(json.relationships[1], {
      id: "default/public/profiles/changed",
      kind: "RemoteRelationship",
      status: "changed",
      managedBy: [{ stack: "alpha", resource: "changed" }],
      differences: [{ path: "hasuraFields", state: ["id"], hasura: ["id", "name"] }],
      repair:
        "Run `pulumi up --refresh --stack alpha` to write what the program declares (or `pulumi refresh`, then change the program to keep what Hasura holds).",
    });
    assert.equal(
      json.relationships[4].repair,
      `Adopt it: \`${adoptCommand}\` writes its declaration; import that file from the program, then run \`pulumi up\` (it writes nothing to Hasura). Or delete it in Hasura.`,
    );
  });

  it("as JSON, gives each difference's whole path, a key that is not an identifier in brackets", () => {
    const changed = record("default/public/t/odd", "changed", { differences: [{ path: ["toSource", "fieldMapping", "user id"], hasura: "id" }] });
    const json = JSON.parse(renderJson(report([changed]))) as { relationships: { differences: unknown[] }[] };
    assert.deepEqual(json.relationships[0].differences, [{ path: 'toSource.fieldMapping["user id"]', hasura: "id" }]);
  });

  it("exits 0 when every relationship is in sync (none included) and 7 on any drift", () => {
    assert.equal(exitCodeOf({ records: [], uncounted: [] }), 0);
    assert.equal(exitCodeOf({ records: [drifted[0]], uncounted: [] }), 0);
    for (const each of drifted.slice(1)) assert.equal(exitCodeOf({ records: [drifted[0], each], uncounted: [] }), 7, each.status);
  });
});
