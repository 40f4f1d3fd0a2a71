/**
 * Parsing `remote_field` and its arguments (metadata/parseRemoteField.ts) with aeson's prefixed
 * messages, into the model's `RemoteField` tree.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { remoteFieldOf } from "../../../model";
import type { RunningHasuraServer } from "../../../server";
import { isParseFailure } from "../../../server/base/apiError";
import { Cursor } from "../../../server/base/cursor";
import { parseRemoteField } from "../../../server/metadata/parseRemoteField";
import { query, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());

test("parse: a remote field with two mappings at one level", async () => {
  const answer = await query(server, {
    type: "create_remote_relationship",
    args: { name: "r", table: "profiles", hasura_fields: ["id"], remote_schema: "user", remote_field: { a: { arguments: {} }, b: { arguments: {} } } },
  });
  assert.deepEqual(answer.body, {
    path: "$.remote_field",
    error: "Remote fields are represented by an object that maps each field name to its arguments.Expecting one single mapping, received too many.",
    code: "parse-failed",
  });
});

test("parse: an invalid variable name in arguments", async () => {
  const answer = await query(server, {
    type: "create_remote_relationship",
    args: { name: "r", table: "profiles", hasura_fields: ["id"], remote_schema: "user", remote_field: { user: { arguments: { id: "$" } } } },
  });
  assert.equal(
    (answer.body as { error: string }).error,
    "Remote fields are represented by an object that maps each field name to its arguments.Remote arguments are represented by an object that maps each argument name to its value.Empty variable name",
  );
});

test("parseRemoteField: the levels become the model's remote field tree", () => {
  const json = { user: { arguments: { id: "$id" }, field: { posts: { arguments: { where: { id: { eq: 1 } } } } } } };
  const tree = parseRemoteField(new Cursor(json, ["remote_field"]));
  assert.deepEqual(
    tree,
    remoteFieldOf([
      { name: "user", arguments: { id: "$id" } },
      { name: "posts", arguments: { where: { id: { eq: 1 } } } },
    ]),
  );
  assert.deepEqual(tree, json);
});

test("parseRemoteField: a failure in a level's arguments is reported at `arguments` under the level's path, with both prefixes", () => {
  const cursor = new Cursor({ user: { arguments: { "bad-key": 1 } } }, ["remote_field"]);
  assert.throws(
    () => parseRemoteField(cursor),
    (error: unknown) =>
      isParseFailure(error) &&
      error.path.join(".") === "remote_field.arguments" &&
      error.error ===
        "Remote fields are represented by an object that maps each field name to its arguments.Remote arguments are represented by an object that maps each argument name to its value.bad-key is an invalid key name",
  );
});
