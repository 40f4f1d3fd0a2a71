import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { credentialsReason, readAdminSecrets, routeSecret, sendsInClear, type AdminSecret } from "../../../../provider/runtime/adminSecrets";

const stackEndpoint = "https://hasura.example.com";
const other = "https://other.example.com/hasura";
const read = (config: Record<string, unknown>, env: Record<string, string> = {}) => readAdminSecrets((key) => config[key], env, stackEndpoint);
/** The secrets of a stack that sets no hasura:endpoint. */
const readWithoutEndpoint = (config: Record<string, unknown>) => readAdminSecrets((key) => config[key], {}, undefined);
const route = (secrets: readonly AdminSecret[], endpoint: string) => routeSecret(secrets, endpoint);

describe("admin secrets: which secret goes to which Hasura", () => {
  it("sends the stack's secret to hasura:endpoint only, in any spelling of the same base URL", () => {
    const secrets = read({ "hasura:adminSecret": "stack-secret" });
    for (const endpoint of ["https://hasura.example.com", "https://HASURA.example.com:443/", "https://hasura.example.com//"]) {
      assert.deepEqual(route(secrets, endpoint), { kind: "secret", secret: "stack-secret", from: "hasura:adminSecret" });
    }
  });

  it("refuses any other endpoint, another port, scheme or base path included, saying where the secret goes and how to give the endpoint its own", () => {
    const secrets = read({ "hasura:adminSecret": "stack-secret" });
    for (const endpoint of ["https://hasura.example.com:8443", "http://hasura.example.com", "https://hasura.example.com/other", "https://evil.example.net"]) {
      const answer = route(secrets, endpoint);
      assert.equal(answer.kind, "refused", endpoint);
    }
    assert.deepEqual(route(secrets, "http://127.0.0.1:9999/"), {
      kind: "refused",
      reason:
        "No admin secret is configured for Hasura at http://127.0.0.1:9999: the stack's admin secret (hasura:adminSecret) is sent only to hasura:endpoint (https://hasura.example.com). " +
        "If http://127.0.0.1:9999 is that same Hasura, give the resource that endpoint; if it is another, give it its own secret with " +
        "`pulumi config set --secret --path 'hasura:adminSecrets[\"http://127.0.0.1:9999\"]' <its admin secret>`.",
    });
  });

  it("sends the environment's secret to hasura:endpoint only, and names where it came from", () => {
    const secrets = read({}, { HASURA_GRAPHQL_ADMIN_SECRET: "env-secret" });
    assert.deepEqual(route(secrets, stackEndpoint), { kind: "secret", secret: "env-secret", from: "HASURA_GRAPHQL_ADMIN_SECRET" });
    assert.match(
      (route(secrets, other) as { reason: string }).reason,
      /the stack's admin secret \(HASURA_GRAPHQL_ADMIN_SECRET\) is sent only to hasura:endpoint/,
    );
  });

  it("sends a stack secret nowhere when the stack sets no hasura:endpoint, and says to set it", () => {
    const secrets = readWithoutEndpoint({ "hasura:adminSecret": "stack-secret" });
    assert.deepEqual(route(secrets, stackEndpoint), {
      kind: "refused",
      reason:
        "No admin secret is configured for Hasura at https://hasura.example.com: the stack's admin secret (hasura:adminSecret) is sent only to hasura:endpoint, which this stack does not set. " +
        "If the secret is this Hasura's, `pulumi config set hasura:endpoint https://hasura.example.com`; if not, give this Hasura its own with " +
        "`pulumi config set --secret --path 'hasura:adminSecrets[\"https://hasura.example.com\"]' <its admin secret>`.",
    });
  });

  it("sends each hasura:adminSecrets entry to its own endpoint, as an object or as the JSON text the engine may pass", () => {
    const variants: [unknown, string][] = [
      [{ [`${other}/`]: "other-secret" }, `hasura:adminSecrets["${other}/"]`],
      [JSON.stringify({ [other]: "other-secret" }), `hasura:adminSecrets["${other}"]`],
    ];
    for (const [map, from] of variants) {
      const secrets = read({ "hasura:adminSecret": "stack-secret", "hasura:adminSecrets": map });
      assert.deepEqual(route(secrets, stackEndpoint), { kind: "secret", secret: "stack-secret", from: "hasura:adminSecret" });
      assert.deepEqual(route(secrets, other), { kind: "secret", secret: "other-secret", from });
    }
  });

  it("refuses an endpoint without an entry when only hasura:adminSecrets is set", () => {
    const secrets = readWithoutEndpoint({ "hasura:adminSecrets": { [other]: "other-secret" } });
    assert.deepEqual(route(secrets, stackEndpoint), {
      kind: "refused",
      reason:
        "No admin secret is configured for Hasura at https://hasura.example.com (hasura:adminSecrets holds secrets of other Hasuras only, and those are never sent to it). " +
        "Give it its own with `pulumi config set --secret --path 'hasura:adminSecrets[\"https://hasura.example.com\"]' <its admin secret>`.",
    });
  });

  it("sends no secret anywhere when none is configured at all", () => {
    assert.deepEqual(route(read({}), other), { kind: "none" });
  });

  it("reports an empty secret as empty, with the command that sets it and the one that removes it", () => {
    assert.throws(() => read({ "hasura:adminSecret": "" }), {
      message:
        "The admin secret in hasura:adminSecret is empty (a shell variable that was not set gives an empty value), and no Hasura has an empty admin secret. " +
        "Set it with `pulumi config set --secret hasura:adminSecret <its admin secret>`, or, if this Hasura has no admin secret, `pulumi config rm hasura:adminSecret`.",
    });
    assert.throws(
      () => read({}, { HASURA_GRAPHQL_ADMIN_SECRET: "" }),
      /The admin secret in HASURA_GRAPHQL_ADMIN_SECRET is empty .* `unset HASURA_GRAPHQL_ADMIN_SECRET`\.$/,
    );
    assert.throws(
      () => read({ "hasura:adminSecrets": { [other]: "" } }),
      /The admin secret in hasura:adminSecrets\["https:\/\/other\.example\.com\/hasura"\] is empty/,
    );
  });

  it("refuses a malformed map, naming the key and never a secret", () => {
    const cases: [unknown, RegExp][] = [
      ["not json", /^hasura:adminSecrets is not an object from endpoint to admin secret\./],
      [["x"], /^hasura:adminSecrets is not an object/],
      [{ "hasura.example.com": "s3cret-value" }, /^hasura:adminSecrets\["hasura\.example\.com"\]: the key is not an http\(s\) URL\./],
      [{ "https://user:pw@hasura.example.com": "s3cret-value" }, /the key is not Hasura's base URL/],
      [{ [other]: 7 }, /^hasura:adminSecrets\["https:\/\/other\.example\.com\/hasura"\] is not a string\./],
      [{ [other]: "s3cret-value", [`${other}/`]: "another-value" }, /name the same Hasura with different secrets/],
      [
        { [stackEndpoint]: "s3cret-value" },
        /^hasura:adminSecret and hasura:adminSecrets\["https:\/\/hasura\.example\.com"\] both give the admin secret of Hasura at/,
      ],
    ];
    for (const [map, expected] of cases) {
      assert.throws(
        () => read({ "hasura:adminSecret": "stack-secret", "hasura:adminSecrets": map }),
        (error: Error) => expected.test(error.message) && !/s3cret|another-value|stack-secret/.test(error.message),
        JSON.stringify(map),
      );
    }
    // The same secret given twice for hasura:endpoint is no conflict.
    assert.equal(read({ "hasura:adminSecret": "same", "hasura:adminSecrets": { [stackEndpoint]: "same" } }).length, 1);
  });

  it("says which secret Hasura refused, or that none is configured, with the command that sets the right one", () => {
    const answer = "invalid x-hasura-admin-secret/x-hasura-access-key";
    assert.equal(
      credentialsReason({ kind: "secret", secret: "x", from: "hasura:adminSecret" }, `${stackEndpoint}/`, stackEndpoint, answer),
      "Hasura at https://hasura.example.com refused the admin secret from hasura:adminSecret (invalid x-hasura-admin-secret/x-hasura-access-key). " +
        "Set the one this Hasura runs with: `pulumi config set --secret hasura:adminSecret <its admin secret>`.",
    );
    assert.equal(
      credentialsReason({ kind: "none" }, stackEndpoint, stackEndpoint, "x-hasura-admin-secret/x-hasura-access-key required, but not found"),
      "Hasura at https://hasura.example.com needs an admin secret, and none is configured for it (x-hasura-admin-secret/x-hasura-access-key required, but not found). " +
        "Set it with `pulumi config set --secret hasura:adminSecret <its admin secret>`.",
    );
    assert.match(
      credentialsReason({ kind: "none" }, other, stackEndpoint, "required"),
      /Set it with `pulumi config set --secret --path 'hasura:adminSecrets\["https:\/\/other\.example\.com\/hasura"\]'/,
    );
  });

  it("knows which endpoints carry a secret across the network in clear", () => {
    for (const endpoint of ["http://hasura.example.com", "http://10.0.0.5:8080", "http://[2001:db8::1]"]) assert.equal(sendsInClear(endpoint), true, endpoint);
    for (const endpoint of ["https://hasura.example.com", "http://localhost:8080", "http://127.0.0.1:8080", "http://[::1]:8080", "http://hasura.localhost"])
      assert.equal(sendsInClear(endpoint), false, endpoint);
  });
});
