/**
 * Issue 16: a new endpoint is a move done by update, which loses nothing: made to hold at the new
 * Hasura first, deleted at the old one only when that is provably another Hasura; and check proves at
 * preview that both can be read. The provider in-process against two local servers and a dead port.
 */
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { after, before, beforeEach, describe, it } from "node:test";
import { remoteRelationshipProvider as provider } from "../../provider";
import type { RemoteRelationshipInputs } from "../../provider/resources/remoteRelationship";
import type { RunningHasuraServer } from "../../server";
import { configureProvider, conformanceSecret, inputsFor, relationshipsOn, startConformanceHasura } from "../support/localHasura";

const profiles = { schema: "public", name: "profiles" };
const id = "default/public/profiles/moving";
const otherField = { remoteSchema: "my-remote-schema", remoteField: { message: { arguments: { id: "$id" } } } };

describe("a relationship whose endpoint changes", () => {
  let first: RunningHasuraServer;
  let second: RunningHasuraServer;
  let dead: string;
  const at = (server: RunningHasuraServer | string, overrides: Partial<RemoteRelationshipInputs> = {}) =>
    inputsFor(typeof server === "string" ? server : server.url, "moving", overrides);
  const writesTo = (server: RunningHasuraServer) => server.stats().writes;

  before(async () => {
    [first, second] = [await startConformanceHasura(), await startConformanceHasura()];
    dead = `http://127.0.0.1:${await unusedPort()}`;
  });
  after(async () => {
    await first.stop();
    await second.stop();
  });
  // The stack's secret goes to hasura:endpoint only: every other endpoint a move names has its own.
  const secrets = () => ({
    "hasura:endpoint": first.url,
    "hasura:adminSecret": conformanceSecret,
    "hasura:adminSecrets": JSON.stringify(
      Object.fromEntries(
        [second.url, dead, `${first.url}/v1/graphql`, first.url.replace("127.0.0.1", "localhost")].map((endpoint) => [endpoint, conformanceSecret]),
      ),
    ),
  });
  beforeEach(async () => {
    await configureProvider({ ...secrets(), "hasura:maxRetries": "0" });
    for (const server of [first, second]) {
      if (relationshipsOn(server, profiles).moving !== undefined) await provider.delete(id, at(server));
    }
    await provider.create(at(first));
  });

  describe("check, as preview runs it", () => {
    it("passes when both Hasuras can be read", async () => {
      const result = await provider.check(at(first), at(second));
      assert.deepEqual(result.failures, undefined);
    });

    it("fails naming endpoint when the new one cannot be read, and changes nothing", async () => {
      const held = first.exportMetadata();
      const result = await provider.check(at(first), at(dead));
      assert.equal(result.failures?.length, 1);
      assert.equal(result.failures?.[0].property, "endpoint");
      assert.match(
        result.failures?.[0].reason ?? "",
        new RegExp(
          `^Remote relationship "default/public/profiles/moving" would move from ${first.url} to ${dead}, but Hasura at ${dead} cannot be read: .*ECONNREFUSED.* Nothing will be changed\\. Fix endpoint \\(a mistyped \`hasura:endpoint\`: \`pulumi config set hasura:endpoint ${first.url}\` keeps it where it is\\)\\.$`,
        ),
      );
      assert.deepEqual(first.exportMetadata(), held);
    });

    it("fails naming endpoint when the new one is not a Hasura's base URL (its GraphQL route), before asking it", async () => {
      const result = await provider.check(at(first), at(`${first.url}/v1/graphql`));
      assert.equal(result.failures?.[0].property, "endpoint");
      assert.equal(
        result.failures?.[0].reason,
        `endpoint "${first.url}/v1/graphql" ends in Hasura's own route /v1/graphql: give Hasura's base URL, without the route, such as "${first.url}".`,
      );
    });

    it("fails naming endpoint when the old one cannot be read, and says what to do if it is gone for good", async () => {
      const result = await provider.check(at(dead), at(first));
      assert.equal(result.failures?.[0].property, "endpoint");
      assert.match(result.failures?.[0].reason ?? "", new RegExp(`but Hasura at ${dead}, where it is now, cannot be read`));
      assert.match(result.failures?.[0].reason ?? "", /`pulumi state delete URN`/);
    });

    it("with hasura:validateLive false, does not ask (the move itself still refuses what it cannot read)", async () => {
      await configureProvider({ ...secrets(), "hasura:maxRetries": "0", "hasura:validateLive": "false" });
      assert.equal((await provider.check(at(first), at(dead))).failures, undefined);
    });
  });

  describe("update", () => {
    it("to another Hasura: made to hold there, then deleted at the old one", async () => {
      const result = await provider.update(id, at(first), at(second));
      assert.deepEqual(result.outs, at(second));
      assert.equal(relationshipsOn(first, profiles).moving, undefined);
      assert.ok(relationshipsOn(second, profiles).moving);
    });

    it("to another Hasura with a new definition too", async () => {
      await provider.update(id, at(first), at(second, otherField));
      assert.equal(relationshipsOn(first, profiles).moving, undefined);
      assert.deepEqual((await provider.read(id, at(second, otherField))).props, at(second, otherField));
    });

    it("to another name of the same Hasura: kept, and nothing written when the definition is the same", async () => {
      const alias = first.url.replace("127.0.0.1", "localhost");
      const writes = writesTo(first);
      await provider.update(id, at(first), at(alias));
      assert.ok(relationshipsOn(first, profiles).moving);
      assert.equal(writesTo(first), writes);
    });

    it("to another name of the same Hasura with a new definition: updated in place, not deleted", async () => {
      const alias = first.url.replace("127.0.0.1", "localhost");
      await provider.update(id, at(first), at(alias, otherField));
      assert.deepEqual((await provider.read(id, at(first))).props, at(first, otherField));
    });

    it("finishes a move that was interrupted after the create: the new Hasura's identical relationship is adopted", async () => {
      await provider.create(at(second));
      const writes = writesTo(second);
      await provider.update(id, at(first), at(second));
      assert.equal(writesTo(second), writes);
      assert.equal(relationshipsOn(first, profiles).moving, undefined);
    });

    it("refuses to overwrite a different relationship of the same name at the new Hasura, and deletes nothing", async () => {
      await provider.create(at(second, otherField));
      await assert.rejects(provider.update(id, at(first), at(second)), /already exists in Hasura at .* it was not overwritten/);
      assert.ok(relationshipsOn(first, profiles).moving);
      assert.deepEqual((await provider.read(id, at(second))).props, at(second, otherField));
    });

    it("from a Hasura that cannot be read: an error that says nothing was changed and what to do", async () => {
      const held = second.exportMetadata();
      await assert.rejects(provider.update(id, at(dead), at(second)), (error: Error) => {
        assert.match(error.message, new RegExp(`^Cannot move remote relationship "${id}" from ${dead} to ${second.url}: both must be read`));
        assert.match(error.message, new RegExp(`Nothing was changed; the relationship stays at ${dead}\\.`));
        return true;
      });
      assert.deepEqual(second.exportMetadata(), held);
    });
  });
});

/** A port nothing listens on: one the system just gave out and took back. */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}
