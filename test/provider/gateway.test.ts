/**
 * The gateway's shared snapshot against a Hasura that answers a read slowly while this process
 * writes: what was read before a write is never served after it.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { JsonObject } from "../../model";
import { openGateway, type Gateway } from "../../provider/runtime/gateway";
import { defaultSettings } from "../../provider/runtime/settings";
import type { HasuraRequest } from "../../provider/hasura/requests";
import { listRemoteRelationships } from "../../scripts/hasuraAdmin";
import { exportAnswer, startScriptedHasura, type ScriptedHasura } from "../support/scriptedHasura";

const context = { operation: "read" };
const createRel: HasuraRequest = {
  path: "/v1/metadata",
  body: {
    type: "pg_create_remote_relationship",
    args: { source: "default", table: { schema: "public", name: "profiles" }, name: "rel", definition: {} },
  },
};

describe("gateway: the snapshot and a write made while a read was under way", () => {
  let hasura: ScriptedHasura;
  let held: string | undefined;
  let slowExports = 0;
  let gateway: Gateway;

  before(async () => {
    hasura = await startScriptedHasura(({ type }) => {
      if (type === "GET /v1/version") return { body: '{"version":"v2.40.0"}' };
      if (type === "pg_create_remote_relationship") {
        held = "rel";
        return { body: '{"message":"success"}' };
      }
      if (type === "export_metadata") {
        // What Hasura held when the read came, trickled out over a few hundred milliseconds.
        const answer = exportAnswer(held);
        return slowExports-- > 0 ? { ...answer, dripMs: 400 / (answer.body as string).length } : answer;
      }
      return { status: 400, body: '{"code":"not-supported","error":"?","path":"$"}' };
    });
  });
  after(() => hasura.stop());

  const relationshipsIn = async (snapshot: Promise<{ metadata: unknown }>) =>
    listRemoteRelationships((await snapshot).metadata as JsonObject).map((relationship) => relationship.name);

  for (const [title, fresh] of [
    ["a read that answers after the write is not kept for later reads", true],
    ["a later read does not join a read sent before the write", false],
  ] as const) {
    it(title, async () => {
      held = undefined;
      slowExports = 1;
      gateway = openGateway(hasura.url, { ...defaultSettings(), snapshotMaxAgeMs: 60_000 });
      await gateway.api(context);
      const before = gateway.observe(context, { fresh });
      await sleep(50);
      await gateway.write(createRel, { operation: "create" });
      if (fresh) assert.deepEqual(await relationshipsIn(before), []);
      // Asked after the write has ended: what Hasura holds now, never the answer to the read made before.
      assert.deepEqual(await relationshipsIn(gateway.observe(context)), ["rel"]);
      await before;
      assert.deepEqual(await relationshipsIn(gateway.observe(context)), ["rel"]);
      await gateway.close();
    });
  }
});
