import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultSettings, readSettings } from "../../../../provider/runtime/settings";

const read = (config: Record<string, string>, env: Record<string, string> = {}) => readSettings((key) => config[key], env);

describe("provider settings", () => {
  it("are the defaults when nothing is set", () => assert.deepEqual(read({}), defaultSettings()));
  it("take the stack's secret from its config, else the environment, for hasura:endpoint", () => {
    const endpoint = "https://hasura.example.com/";
    assert.deepEqual(read({ "hasura:endpoint": endpoint, "hasura:adminSecret": "a" }, { HASURA_GRAPHQL_ADMIN_SECRET: "b" }).adminSecrets, [
      { endpoint: "https://hasura.example.com", secret: "a", from: "hasura:adminSecret", ofStack: true },
    ]);
    assert.deepEqual(read({ "hasura:endpoint": endpoint }, { HASURA_GRAPHQL_ADMIN_SECRET: "b" }).adminSecrets, [
      { endpoint: "https://hasura.example.com", secret: "b", from: "HASURA_GRAPHQL_ADMIN_SECRET", ofStack: true },
    ]);
  });
  it("read numbers and booleans, naming a bad key and how to fix it", () => {
    assert.equal(read({ "hasura:batchWindowMs": "5", "hasura:coalesceWrites": "false" }).batchWindowMs, 5);
    assert.equal(read({ "hasura:coalesceWrites": "false" }).coalesceWrites, false);
    assert.throws(() => read({ "hasura:maxRetries": "-1" }), {
      message: 'hasura:maxRetries is "-1", but it must be a whole number. Fix it with `pulumi config set hasura:maxRetries 4`.',
    });
    assert.throws(() => read({ "hasura:coalesceWrites": "yes" }), {
      message: 'hasura:coalesceWrites is "yes", but it must be true or false. Fix it with `pulumi config set hasura:coalesceWrites true`.',
    });
  });
  it("refuse a secret with a line break, naming where it came from and never the secret", () => {
    assert.throws(
      () => read({ "hasura:adminSecret": "top\nsecret" }),
      (error: Error) => {
        assert.equal(
          error.message,
          "The admin secret in hasura:adminSecret holds a line break or another character an HTTP header cannot carry. Set it again without it.",
        );
        return !error.message.includes("top");
      },
    );
    assert.throws(
      () => read({}, { HASURA_GRAPHQL_ADMIN_SECRET: " padded" }),
      /The admin secret in HASURA_GRAPHQL_ADMIN_SECRET starts or ends with white space/,
    );
  });
  it("refuse an endpoint that is not an http(s) URL", () => {
    assert.throws(() => read({ "hasura:endpoint": "hasura.local" }), {
      message: 'hasura:endpoint is "hasura.local", which is not an http(s) URL. Fix it with `pulumi config set hasura:endpoint https://hasura.example.com`.',
    });
  });
});
