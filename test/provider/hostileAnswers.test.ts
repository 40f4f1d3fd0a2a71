/**
 * A server that is not behaving like Hasura: every answer shape a proxy, a login page, a broken
 * gateway or an attacker could send, against every provider operation. Nothing it says is believed
 * as "absent" or "applied", every failure says what came back, and the admin secret is in no message.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { remoteRelationshipProvider as provider } from "../../provider";
import { configureProvider, inputsFor } from "../support/localHasura";
import { exportAnswer, startScriptedHasura, type ScriptedAnswer, type ScriptedHasura } from "../support/scriptedHasura";

const secret = "hostile-test-secret-EEEEprobe-secret";
const id = "default/public/profiles/rel";

const notHasura: [string, ScriptedAnswer, RegExp][] = [
  [
    "a 200 text answer",
    { headers: { "content-type": "text/plain" }, body: "OK this is not json" },
    /is not Hasura's \(HTTP 200\): the body is not JSON \(text\/plain: "OK this is not json"\)/,
  ],
  [
    "a 200 HTML page",
    { headers: { "content-type": "text/html" }, body: "<html><body>Please log in</body></html>" },
    /the body is not JSON \(text\/html: "<html><body>Please log in/,
  ],
  ["resource_version without metadata", { body: '{"resource_version":7}' }, /is not Hasura's: metadata is missing, not a metadata document/],
  [
    "sources as an object",
    { body: '{"resource_version":7,"metadata":{"version":3,"sources":{}}}' },
    /is not Hasura's: metadata is not a metadata document \(sources: /,
  ],
  [
    "a 200 answer nested 100,000 levels deep",
    { body: `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}` },
    /is not Hasura's \(HTTP 200\): it nests deeper than 512 levels, which no Hasura answer does/,
  ],
  ["null", { body: "null" }, /is not Hasura's: the answer is null, not \{resource_version, metadata\}/],
  ["a list", { body: "[]" }, /is not Hasura's: the answer is a list, not \{resource_version, metadata\}/],
  [
    "a 302 redirect",
    { status: 302, headers: { location: "https://login.example.com/" }, body: "" },
    /is not Hasura's \(HTTP 302\): it is a redirect to https:\/\/login\.example\.com\/, which Hasura never sends/,
  ],
  [
    "a 307 redirect",
    { status: 307, headers: { location: "http://elsewhere/v1/metadata" }, body: "" },
    /\(HTTP 307\): it is a redirect to http:\/\/elsewhere\/v1\/metadata/,
  ],
  [
    "a relationship stored as null levels",
    {
      body: JSON.stringify({
        resource_version: 7,
        metadata: { version: 3, sources: [{ name: "default", tables: [{ table: { schema: "public", name: "profiles" }, remote_relationships: "nope" }] }] },
      }),
    },
    /metadata is not a metadata document \(sources\.0\.tables\.0\.remote_relationships: /,
  ],
];

const operations: [string, () => Promise<unknown>, (endpoint: string) => unknown][] = [
  ["create", () => Promise.resolve(), (endpoint) => provider.create(inputsFor(endpoint, "rel"))],
  ["read", () => Promise.resolve(), (endpoint) => provider.read(id, { endpoint })],
  ["update", () => Promise.resolve(), (endpoint) => provider.update(id, {}, inputsFor(endpoint, "rel", { hasuraFields: ["id", "name"] }))],
  ["delete", () => Promise.resolve(), (endpoint) => provider.delete(id, inputsFor(endpoint, "rel"))],
];

/** The provider config every test of the suite runs with; a test that needs other settings puts these back after it. */
const suiteConfig = {
  "hasura:adminSecret": secret,
  "hasura:maxRetries": "1",
  "hasura:requestTimeoutMs": "1500",
  "hasura:snapshotMaxAgeMs": "0",
  "hasura:api": "metadata",
};

/** The operation must fail with a message matching `expected` and holding no part of the secret. */
async function expectRefusal(run: () => unknown, expected: RegExp): Promise<void> {
  await assert.rejects(Promise.resolve().then(run), (error: Error) => {
    assert.match(error.message, expected);
    assert.equal(error.message.includes(secret), false, error.message);
    assert.equal(error.message.includes("EEEEprobe"), false, error.message);
    return true;
  });
}

describe("a server that does not answer as Hasura", () => {
  let server: ScriptedHasura;
  before(async () => {
    server = await startScriptedHasura(() => exportAnswer());
    await configureProvider({ ...suiteConfig, "hasura:endpoint": server.url });
  });
  after(() => server.stop());

  for (const [what, answer, expected] of notHasura) {
    for (const [operation, , run] of operations) {
      it(`${operation}: an export answered with ${what} is an error, never "absent"`, async () => {
        server.script = (request) => (request.type === "export_metadata" ? answer : exportAnswer("rel"));
        await expectRefusal(() => run(server.url), expected);
      });
    }
  }

  for (const [what, answer] of notHasura.filter(([name]) => /200|redirect/.test(name))) {
    for (const [operation, , run] of operations.filter(([name]) => name !== "read")) {
      it(`${operation}: a write answered with ${what} is never counted as applied`, async () => {
        const held = operation === "create" ? undefined : "rel";
        server.script = (request) => (request.type === "export_metadata" ? exportAnswer(held) : answer);
        await expectRefusal(() => run(server.url), /is not Hasura's/);
      });
    }
  }

  it("an answer that echoes the secret in code, internal and error is redacted everywhere", async () => {
    server.script = (request) =>
      request.type === "export_metadata"
        ? exportAnswer()
        : {
            status: 400,
            body: JSON.stringify({
              code: `bad-${secret}`,
              error: `no ${secret}`,
              path: `$.${secret}`,
              internal: [{ reason: { header: secret, list: [secret] } }],
            }),
          };
    await expectRefusal(
      () => provider.create(inputsFor(server.url, "rel")),
      /answered 400 bad-\[secret\]: no \[secret\]\. Reason: \{"header":"\[secret\]","list":\["\[secret\]"\]\}/,
    );
  });

  it("a long error body with the secret past the cut leaves no part of it", async () => {
    const body = `${"x".repeat(190)}EEEE${secret} and more`;
    server.script = () => ({ status: 500, headers: { "content-type": "text/plain" }, body });
    await expectRefusal(() => provider.read(id, { endpoint: server.url }), /answered export_metadata with 500 http-500/);
  });

  for (const [what, adminSecret, echo, leftover] of [
    ["a secret that crosses the cut of a text body", "S3cr3tPrefix-ABCDEFGHIJ", (secret: string) => `${"x".repeat(185)} token=${secret}`, "S3cr3"],
    ["a secret with tabs, in a text body whose whitespace is squeezed", "tab\tinside\tsecret", (secret: string) => `token=${secret}`, "tab inside"],
  ] as const) {
    it(`${what} leaves no part of it`, async () => {
      await configureProvider({
        "hasura:endpoint": server.url,
        "hasura:adminSecret": adminSecret,
        "hasura:maxRetries": "0",
        "hasura:api": "metadata",
        "hasura:snapshotMaxAgeMs": "0",
      });
      try {
        for (const status of [200, 500]) {
          server.script = () => ({ status, headers: { "content-type": "text/plain" }, body: echo(adminSecret) });
          await assert.rejects(provider.read(id, { endpoint: server.url }), (error: Error) => {
            assert.match(error.message, /token=\[secret\]/);
            assert.equal(error.message.includes(leftover), false, error.message);
            return true;
          });
        }
        // A write's answer that is JSON but no acknowledgement, the secret starting at character 194:
        // across the 200 characters where such an answer used to be cut before redaction.
        const unacknowledged = JSON.stringify({ padding: "x".repeat(170), echoed: adminSecret });
        assert.equal(unacknowledged.indexOf(JSON.stringify(adminSecret).slice(1, -1)), 194);
        server.script = (request) => (request.type === "export_metadata" ? exportAnswer() : { body: unacknowledged });
        await assert.rejects(provider.create(inputsFor(server.url, "rel")), (error: Error) => {
          assert.match(error.message, /is not Hasura's: it says .*"echoed":"\[secret\]"/);
          assert.equal(error.message.includes(leftover), false, error.message);
          return true;
        });
      } finally {
        await configureProvider({ ...suiteConfig, "hasura:endpoint": server.url });
      }
    });
  }

  it("a JSON-escaped echo of a secret is redacted too", async () => {
    await configureProvider({
      "hasura:endpoint": server.url,
      "hasura:adminSecret": 'with"quote',
      "hasura:maxRetries": "0",
      "hasura:api": "metadata",
      "hasura:snapshotMaxAgeMs": "0",
    });
    server.script = () => ({ status: 400, body: JSON.stringify({ code: "x", error: JSON.stringify({ echoed: 'with"quote' }) }) });
    await assert.rejects(
      provider.read(id, { endpoint: server.url }),
      (error: Error) => !error.message.includes('with\\"quote') && !error.message.includes('with"quote'),
    );
    await configureProvider({ ...suiteConfig, "hasura:endpoint": server.url });
  });

  it("an answer dripped a byte at a time ends at the deadline, and does not hold the next write", async () => {
    let drip = true;
    // About 250 bytes at 300 ms each: over a minute to send whole, against a deadline of 1.5 s.
    server.script = (request) => (request.type === "export_metadata" && drip ? { ...exportAnswer(), dripMs: 300 } : exportAnswer());
    await assert.rejects(provider.read(id, { endpoint: server.url }), /no complete answer within 1500 ms \(hasura:requestTimeoutMs\)/);
    drip = false;
    server.script = (request) => (request.type === "export_metadata" ? exportAnswer() : { body: '{"message":"success"}' });
    const creates = server.asked.pg_create_remote_relationship ?? 0;
    await provider.create(inputsFor(server.url, "rel"));
    assert.equal(server.asked.pg_create_remote_relationship, creates + 1);
    // The write was made while the dripped answer was still unfinished: nothing waited for it.
    assert.equal(server.dripsFinished, 0);
  });

  it("a huge answer is cut off at hasura:maxResponseBytes instead of read whole", async () => {
    await configureProvider({
      "hasura:endpoint": server.url,
      "hasura:adminSecret": secret,
      "hasura:maxRetries": "0",
      "hasura:api": "metadata",
      "hasura:maxResponseBytes": "100000",
      "hasura:snapshotMaxAgeMs": "0",
    });
    server.script = () => ({ body: JSON.stringify({ resource_version: 1, metadata: { version: 3, sources: [], padding: "p".repeat(5_000_000) } }) });
    await expectRefusal(() => provider.read(id, { endpoint: server.url }), /is not Hasura's: it is longer than 100000 bytes \(hasura:maxResponseBytes\)/);
    await configureProvider({ ...suiteConfig, "hasura:endpoint": server.url });
  });

  it("a failing /v1/version call is named as such", async () => {
    await configureProvider({ "hasura:endpoint": server.url, "hasura:adminSecret": secret, "hasura:maxRetries": "0" });
    server.script = (request) => (request.type === "GET /v1/version" ? { status: 500, body: "{}" } : exportAnswer());
    await expectRefusal(() => provider.read(id, { endpoint: server.url }), /Hasura at \S+ answered GET \/v1\/version with 500/);
    await configureProvider({ ...suiteConfig, "hasura:endpoint": server.url });
  });

  it("a relationship Hasura holds in a shape the provider cannot read is named as such, and delete still works", async () => {
    const weird = JSON.stringify({
      resource_version: 7,
      metadata: {
        version: 3,
        sources: [
          {
            name: "default",
            tables: [
              {
                table: { schema: "public", name: "profiles" },
                remote_relationships: [{ name: "rel", definition: { remote_schema: "u", hasura_fields: ["id"], remote_field: { user: null } } }],
              },
            ],
          },
        ],
      },
    });
    let deleted = false;
    server.script = (request) =>
      request.type === "export_metadata" ? (deleted ? exportAnswer() : { body: weird }) : ((deleted = true), { body: '{"message":"success"}' });
    await assert.rejects(
      provider.create(inputsFor(server.url, "rel")),
      /already exists in Hasura at \S+ and is in a form this provider cannot read \(its definition is not in a format this provider reads \(remote_field\.user: /,
    );
    await provider.delete(id, inputsFor(server.url, "rel"));
    assert.equal(deleted, true);
    assert.equal(server.asked.pg_delete_remote_relationship >= 1, true);
  });
});
