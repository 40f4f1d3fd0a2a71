/**
 * The program the bench's Pulumi project runs, as the compiled JavaScript a user's `tsc` would leave
 * (no ts-node at run time). One program, two kinds of stack, told apart by stack config:
 * `bench:kind relationships` declares `bench:count` RemoteRelationships from the installed package;
 * `bench:kind noop` declares as many plain `pulumi.dynamic.Resource`s with the same inputs and a
 * provider that does nothing (its code, a few lines, is serialized into the state by value): the floor.
 * `bench:kind oracle` (bench/oracle.ts) declares as many dynamic resources whose provider batches
 * creates as no real provider could: it is told the engine's parallelism and the resource count,
 * releases a batch the moment it is full or the last, and each batch costs `bench:holdMs`, one at a
 * time, with no other work: the least any batching provider can take on this engine.
 */

/** The project's Pulumi.yaml. */
export const pulumiYaml = ["name: hasura-bench", "description: The bench's project (bench/program.ts).", "runtime: nodejs", ""].join("\n");

/** The project's package.json before `npm install` adds the packed package and @pulumi/pulumi. */
export const packageJson = `${JSON.stringify({ name: "hasura-bench", private: true, main: "index.js" }, null, 2)}\n`;

/** The project's index.js. */
export const programJs = `"use strict";
const pulumi = require("@pulumi/pulumi");

const config = new pulumi.Config("bench");
const count = config.requireNumber("count");
const kind = config.require("kind");

/** The same inputs for both kinds: users.relN, joined to the remote schema "messages". */
function argsOf(index) {
  return {
    name: "rel" + index,
    table: "users",
    hasuraFields: ["id"],
    remoteSchema: "messages",
    remoteField: { messagesByUser: { arguments: { userId: "$id" } } },
  };
}

if (kind === "noop") {
  const noop = { create: async (inputs) => ({ id: inputs.name, outs: inputs }) };
  for (let index = 0; index < count; index++) new pulumi.dynamic.Resource(noop, "rel-" + index, argsOf(index));
} else if (kind === "oracle") {
  const holdMs = config.requireNumber("holdMs");
  const parallel = config.requireNumber("parallel");
  const oracle = {
    create: (inputs) =>
      new Promise((resolve) => {
        const state = (globalThis.__benchOracle = globalThis.__benchOracle || { pending: [], arrived: 0, chain: Promise.resolve() });
        state.pending.push(() => resolve({ id: inputs.name, outs: inputs }));
        state.arrived += 1;
        if (state.pending.length >= parallel || state.arrived >= count) {
          const batch = state.pending.splice(0);
          state.chain = state.chain.then(() => new Promise((done) => setTimeout(done, holdMs))).then(() => batch.forEach((release) => release()));
        }
      }),
  };
  for (let index = 0; index < count; index++) new pulumi.dynamic.Resource(oracle, "rel-" + index, argsOf(index));
} else if (kind === "relationships") {
  const { RemoteRelationship } = require("pulumi-hasura-remote-relationships");
  for (let index = 0; index < count; index++) new RemoteRelationship("rel-" + index, argsOf(index));
} else {
  throw new Error("bench:kind is " + JSON.stringify(kind) + ", but it must be noop, oracle or relationships.");
}
`;
