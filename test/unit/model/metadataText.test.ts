import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { metadataText, parseMetadataDocument, qualifyTable, withTableRelationship, type MetadataDocument, type StoredDefinition } from "../../../model";
import { replaceMetadataRequest, requestBodyText } from "../../../provider/hasura/requests";

// Documents of the shape Hasura exports, with any JSON in every entry and around them.
const anyJson = fc.jsonValue({ maxDepth: 3 });
const tableEntry = fc
  .record({ table: fc.record({ schema: fc.constantFrom("public", "crm"), name: fc.string() }) })
  .chain((entry) => fc.dictionary(fc.string(), anyJson, { maxKeys: 4 }).map((more) => ({ ...more, ...entry })));
const source = fc.record({ name: fc.string(), kind: fc.constant("postgres"), tables: fc.array(tableEntry, { maxLength: 6 }), configuration: anyJson });
const document = fc
  .record({ version: fc.constant(3), sources: fc.array(source, { maxLength: 3 }) })
  .chain((known) => fc.dictionary(fc.string(), anyJson, { maxKeys: 3 }).map((more) => ({ ...more, ...known })));
const legacyDocument = fc.record({ version: fc.constant(2), tables: fc.array(tableEntry, { maxLength: 6 }) });

const stored: StoredDefinition = {
  format: "definition",
  target: { kind: "toRemoteSchema", remoteSchema: "crm", lhsFields: ["id"], remoteField: { account: { arguments: { id: "$id" } } } },
};

function parsed(json: unknown): MetadataDocument {
  const result = parseMetadataDocument(json);
  assert.ok(result.ok);
  return result.value;
}

describe("model: a metadata document's text", () => {
  it("is JSON.stringify's, to the byte, written once or again", () => {
    fc.assert(
      fc.property(fc.oneof(document, legacyDocument, anyJson), (value) => {
        assert.equal(metadataText(value), JSON.stringify(value));
        assert.equal(metadataText(value), JSON.stringify(value));
      }),
    );
  });

  it("stays JSON.stringify's across edits that share the untouched tables", () => {
    fc.assert(
      fc.property(document, fc.nat(), fc.string({ minLength: 1 }), (json, pick, name) => {
        const first = parsed(json);
        assert.equal(metadataText(first), JSON.stringify(first));
        const tables = (first.sources ?? []).flatMap((entry) => entry.tables.map((table) => ({ source: entry.name, table: qualifyTable(table.table) })));
        if (tables.length === 0) return;
        const key = { ...tables[pick % tables.length], name };
        const edit = withTableRelationship(first, key, stored);
        if (!edit.ok) return;
        assert.equal(metadataText(edit.metadata), JSON.stringify(edit.metadata));
        const removed = withTableRelationship(edit.metadata, key, undefined);
        if (removed.ok) assert.equal(metadataText(removed.metadata), JSON.stringify(removed.metadata));
      }),
    );
  });

  it("writes what JSON.stringify writes for what JSON.parse never makes: undefined, holes, toJSON", () => {
    const odd = {
      version: 3,
      gone: undefined,
      sources: [{ name: "default", tables: [{ table: "a", skipped: undefined, when: new Date(0) }, undefined, { toJSON: () => "told" }], note: () => 1 }],
      tables: new Array(2),
    };
    assert.equal(metadataText(odd), JSON.stringify(odd));
    const toldSources = { sources: { toJSON: () => ["replaced"] } };
    assert.equal(metadataText(toldSources), JSON.stringify(toldSources));
  });

  it("writes each table entry once, and freezes it then, so that a kept text cannot go stale", () => {
    let reads = 0;
    const entry = {
      table: { schema: "public", name: "customers" },
      get select_permissions() {
        reads += 1;
        return [{ role: "user" }];
      },
    };
    const first = { version: 3, sources: [{ name: "default", tables: [entry] }] };
    const text = metadataText(first);
    const readsOnce = reads;
    // A later document sharing the entry (an edit of another table) takes the entry's kept text.
    const second = { version: 3, sources: [{ name: "default", tables: [entry, { table: "orders" }] }] };
    assert.equal(
      metadataText(second),
      JSON.stringify({ ...second, sources: [{ ...second.sources[0], tables: [JSON.parse(text ?? "").sources[0].tables[0], { table: "orders" }] }] }),
    );
    assert.equal(reads, readsOnce);
    assert.ok(Object.isFrozen(entry) && Object.isFrozen(entry.table));
    assert.throws(() => {
      (entry.table as { name: string }).name = "renamed";
    }, TypeError);
  });

  it("is what a replace_metadata request sends; other requests are JSON.stringify's", () => {
    const metadata = parsed({ version: 3, sources: [{ name: "default", tables: [{ table: { schema: "public", name: "customers" } }] }] });
    const replace = replaceMetadataRequest(metadata, 7, true).body;
    assert.equal(requestBodyText(replace), JSON.stringify(replace));
    assert.equal(requestBodyText({ type: "export_metadata", version: 2, args: {} }), JSON.stringify({ type: "export_metadata", version: 2, args: {} }));
    assert.equal(requestBodyText({ type: "replace_metadata", args: "not an object" }), JSON.stringify({ type: "replace_metadata", args: "not an object" }));
  });
});
