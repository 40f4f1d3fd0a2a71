import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { forCaller, formatHasuraMessage, hasuraError, isHasuraError, redact } from "../../../../provider/hasura/errors";

const messages = { noun: "remote relationship", id: "default/public/profiles/rel" };

describe("error messages", () => {
  it("name the operation, the resource in its noun and ID form, status, code, error, reason and the fix for that code", () => {
    assert.equal(
      formatHasuraMessage({
        operation: "create",
        resource: messages,
        fixes: { "invalid-configuration": "Fix remoteSchema, remoteField or hasuraFields." },
        status: 400,
        code: "invalid-configuration",
        error: 'Inconsistent object: in table "profiles": in remote relationship "rel": remote schema with name "nope" not found',
        reason: "x",
      }),
      'Could not create remote relationship "default/public/profiles/rel": Hasura answered 400 invalid-configuration: Inconsistent object: in table "profiles": in remote relationship "rel": remote schema with name "nope" not found. Reason: x. Fix remoteSchema, remoteField or hasuraFields.',
    );
  });

  it("choose the fix by code, never by Hasura's text: a toSource refusal that mentions remote fields still gets the toSource fix", () => {
    const message = formatHasuraMessage({
      operation: "create",
      resource: messages,
      fixes: { "invalid-configuration": "Fix toSource.source, toSource.table or toSource.fieldMapping." },
      status: 400,
      code: "invalid-configuration",
      error: 'Inconsistent object: in remote relationship "rel": remote schema with name "x" not found; fix remoteField',
    });
    assert.match(message, /Fix toSource\.source, toSource\.table or toSource\.fieldMapping\.$/);
    assert.equal(message.includes("Add the remote schema"), false);
  });

  it("give no fix for a code the caller has none for, whatever the text says", () => {
    assert.equal(
      formatHasuraMessage({ operation: "create", resource: messages, status: 400, code: "not-exists", error: 'table "profiles" does not exist in source' }),
      'Could not create remote relationship "default/public/profiles/rel": Hasura answered 400 not-exists: table "profiles" does not exist in source.',
    );
  });

  it("say when no answer came", () => {
    assert.equal(
      formatHasuraMessage({
        operation: "read",
        resource: { noun: "remote relationship", id: "default/public/t/r" },
        endpoint: "http://127.0.0.1:1",
        code: "transport",
        error: "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1",
      }),
      'Could not read remote relationship "default/public/t/r": no answer from Hasura at http://127.0.0.1:1 (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1). Check that the endpoint is right and reachable.',
    );
  });

  it("name no resource for a call made for none", () =>
    assert.match(
      formatHasuraMessage({ operation: "read", code: "transport", error: "EPIPE" }),
      /^Could not read remote relationships: no answer from Hasura \(EPIPE\)\./,
    ));

  it("say, for refused credentials, which secret was sent and how to set this Hasura's; for refresh and destroy, that they send the one the last up recorded", () => {
    const refused = {
      endpoint: "http://127.0.0.1:1",
      command: "export_metadata",
      status: 401,
      code: "access-denied",
      error: "invalid x-hasura-admin-secret/x-hasura-access-key",
      credentials: { from: "hasura:adminSecret", setKey: "hasura:adminSecret" },
    };
    const setIt =
      "Hasura refused the admin secret from hasura:adminSecret. Set the one this Hasura runs with: `pulumi config set --secret hasura:adminSecret <its admin secret>`.";
    const recorded =
      " If it was set or changed since the last `pulumi up`: `pulumi refresh` and `pulumi destroy` do not run the program, so they send the secret that the last `pulumi up` recorded " +
      "(HASURA_GRAPHQL_ADMIN_SECRET does not override it); run them with `--run-program`, or run `pulumi up` first.";
    for (const operation of ["read", "delete"]) {
      assert.equal(
        formatHasuraMessage({ ...refused, operation, resource: { noun: "remote relationship", id: "default/public/t/r" } }),
        `Could not ${operation} remote relationship "default/public/t/r": Hasura at http://127.0.0.1:1 answered export_metadata with 401 access-denied: invalid x-hasura-admin-secret/x-hasura-access-key. ${setIt}${recorded}`,
      );
    }
    assert.ok(formatHasuraMessage({ ...refused, operation: "create" }).endsWith(setIt));
    // Another Hasura's own secret, and none sent: the key of that Hasura.
    const other = 'hasura:adminSecrets["http://127.0.0.1:1"]';
    assert.ok(
      formatHasuraMessage({ ...refused, operation: "create", credentials: { setKey: other } }).endsWith(
        `Hasura needs an admin secret, and none is configured for it. Set it with \`pulumi config set --secret --path '${other}' <its admin secret>\`.`,
      ),
    );
    // A secret from the environment is read afresh by every run: no note.
    const fromEnvironment = { from: "HASURA_GRAPHQL_ADMIN_SECRET", setKey: "HASURA_GRAPHQL_ADMIN_SECRET" };
    assert.ok(
      formatHasuraMessage({ ...refused, operation: "read", credentials: fromEnvironment }).endsWith("`export HASURA_GRAPHQL_ADMIN_SECRET=<its admin secret>`."),
    );
    // The same fix for each caller of a shared read.
    const shared = hasuraError(refused, { operation: "check" });
    assert.ok((forCaller(shared, { operation: "read", resource: messages }) as Error).message.endsWith(`${setIt}${recorded}`));
  });
  it("redact every secret", () => assert.equal(redact("a s3cr3t b s3cr3t", ["s3cr3t", undefined]), "a [secret] b [secret]"));
});

describe("a failure told to another caller", () => {
  const shared = hasuraError(
    { endpoint: "http://h", status: 503, code: "http-503", error: "still failing after 4 retries", uncertain: true },
    { operation: "read", resource: { noun: "remote relationship", id: "default/public/customers/invoices" }, command: "export_metadata" },
  );

  it("names that caller's own operation and resource, and keeps the answer", () => {
    const told = forCaller(shared, { operation: "delete", resource: { noun: "remote schema relationship", id: "teams/Team/members" } });
    assert.ok(isHasuraError(told));
    assert.equal(
      told.message,
      'Could not delete remote schema relationship "teams/Team/members": Hasura at http://h answered export_metadata with 503 http-503: still failing after 4 retries.',
    );
    assert.equal(told.code, "http-503");
    assert.equal(told.uncertain, true);
    assert.equal(told.message.includes("invoices"), false);
  });

  it("names no resource when the caller has none", () =>
    assert.match(String((forCaller(shared, { operation: "read" }) as Error).message), /^Could not read remote relationships: Hasura at http:\/\/h answered/));

  it("leaves an error that is not Hasura's as it is", () => {
    const plain = new Error("a bug");
    assert.equal(forCaller(plain, { operation: "read" }), plain);
  });
});

describe("error messages of any size", () => {
  it("repeat at most the start of a huge Hasura error, with the secret gone from it first", () => {
    const error = hasuraError({ code: "unexpected", status: 500, error: `s3cr3t ${"x".repeat(10 * 1024 * 1024)}` }, { operation: "read" }, ["s3cr3t"]);
    assert.ok(error.message.length < 1_200, `${error.message.length} characters`);
    assert.match(error.message, /answered 500 unexpected: \[secret\] x+\.\.\. \(10485269 more characters\)/);
  });
});
