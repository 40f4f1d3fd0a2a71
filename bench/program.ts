/**
 * The program the bench's Pulumi project runs, as the compiled JavaScript a user's `tsc` would leave
 * (no ts-node at run time). It declares what `declared/<stack>.json` beside it lists (bench/phases.ts
 * writes it before each operation), as one of three kinds, told apart by the stack config `bench:kind`:
 * - `relationships`: RemoteRelationships from the installed package;
 * - `noop`: plain `pulumi.dynamic.Resource`s with the same inputs and a provider that does nothing
 *   (its code, a few lines, is serialized into the state by value): the engine's own cost, the floor;
 * - `oracle`: dynamic resources whose provider (bench/oracleProvider.ts) batches changes as no real
 *   provider could, told its plan in `oracle/<stack>.json`: the least any batching provider can take.
 * The no-op and oracle providers' code stays the same from one operation to the next (the oracle reads
 * its plan at call time), and so does their state: a changed provider would be a replacement.
 */
import { oracleProvider } from "./oracleProvider";

/** The project's Pulumi.yaml. */
export const pulumiYaml = ["name: hasura-bench", "description: The bench's project (bench/program.ts).", "runtime: nodejs", ""].join("\n");

/** The project's package.json before `npm install` adds the packed package and @pulumi/pulumi. */
export const packageJson = `${JSON.stringify({ name: "hasura-bench", private: true, main: "index.js" }, null, 2)}\n`;

/** The folders, in the project, of what the program declares and of the oracle's plans: a `<stack>.json` each. */
const declaredDir = "declared";
const oracleDir = "oracle";

/** Where the program reads what to declare on `stack`, relative to the project folder. */
export const declaredFile = (stack: string): string => `${declaredDir}/${stack}.json`;

/** Where the oracle's provider reads its plan on `stack`, relative to the project folder. */
export const oraclePlanFile = (stack: string): string => `${oracleDir}/${stack}.json`;

/** The project's index.js. */
export const programJs = `"use strict";
const fs = require("node:fs");
const path = require("node:path");
const pulumi = require("@pulumi/pulumi");

const stack = pulumi.getStack();
const kind = new pulumi.Config("bench").require("kind");
const declared = JSON.parse(fs.readFileSync(path.join(__dirname, "${declaredDir}", stack + ".json"), "utf8"));

/** The oracle's provider (bench/oracleProvider.ts). */
const oracleProvider = ${oracleProvider.toString()};

if (kind === "noop") {
  const noop = { create: async (inputs) => ({ id: inputs.name, outs: inputs }), update: async (id, olds, news) => ({ outs: news }) };
  for (const args of declared) new pulumi.dynamic.Resource(noop, "rel-" + args.name, args);
} else if (kind === "oracle") {
  const oracle = oracleProvider(path.join(__dirname, "${oracleDir}", stack + ".json"));
  for (const args of declared) new pulumi.dynamic.Resource(oracle, "rel-" + args.name, args);
} else if (kind === "relationships") {
  const { RemoteRelationship } = require("pulumi-hasura-remote-relationships");
  for (const args of declared) new RemoteRelationship("rel-" + args.name, args);
} else {
  throw new Error("bench:kind is " + JSON.stringify(kind) + ", but it must be noop, oracle or relationships.");
}
`;
