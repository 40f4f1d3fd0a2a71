/**
 * The soak: a seeded sequence of random `up`s through the real engine (relationships added,
 * changed, renamed, moved to another table, deleted) against the local Hasura behind a proxy that
 * fails about a tenth of the requests, while another client writes unrelated metadata. Each `up` is
 * run again until it succeeds, as an operator would. After every round Hasura holds exactly the
 * program's relationships, a refresh finds no changes, the other client's writes are there, and the
 * admin secret is in no output.
 */
import assert from "node:assert/strict";
import { listTableRelationships, storedDefinitionJson, type JsonObject, type RemoteField } from "../../model";
import { hasuraCall } from "../../scripts/hasuraAdmin";
import type { RemoteRelationshipArgs } from "../../sdk";
import { createLocalStack } from "../../scripts/localStack";
import { programOf, type RelationshipSpec } from "../support/e2e";
import { seededRandom, startFaultProxy } from "../support/faultProxy";
import { conformanceSecret, startConformanceHasura } from "../support/localHasura";

/** What a soak run did. */
export interface SoakFigures {
  seed: number;
  rounds: number;
  ups: number;
  /** `up`s and refreshes that failed under faults and were run again. */
  retries: number;
  requests: number;
  faultsInjected: number;
  /** Relationships that Hasura lacked, held wrongly, or held twice after a round: must be 0. */
  lost: number;
  otherClientWrites: number;
}

type Relationship = { name: string; table: "public" | "custom"; fields: "id" | "id+name"; field: "user" | "allUsers" };

const remoteFieldOf = (relationship: Relationship): RemoteField =>
  relationship.field === "user" ? { user: { arguments: { id: "$id" } } } : { allUsers: { arguments: {} } };

function argsOf(relationship: Relationship): RemoteRelationshipArgs {
  return {
    name: relationship.name,
    table: { schema: relationship.table, name: "profiles" },
    hasuraFields: relationship.fields === "id" ? ["id"] : ["id", "name"],
    remoteSchema: "user",
    remoteField: remoteFieldOf(relationship),
  };
}

/**
 * One random change to the program: add, change, rename, move or delete. Every name is new, so that
 * no two resources ever declare the same relationship (a program error the provider refuses).
 */
function mutate(program: Map<string, Relationship>, random: () => number, counter: { next: number }): void {
  const keys = [...program.keys()];
  const pick = () => keys[Math.floor(random() * keys.length)];
  const roll = keys.length < 3 ? 0 : random();
  if (roll < 0.3) {
    const unique = counter.next++;
    program.set(`rel-${unique}`, { name: `soak_${unique}`, table: random() < 0.5 ? "public" : "custom", fields: "id", field: "user" });
  } else if (roll < 0.55) {
    const key = pick();
    const old = program.get(key)!;
    program.set(key, { ...old, fields: old.fields === "id" ? "id+name" : "id", field: old.field === "user" ? "allUsers" : "user" });
  } else if (roll < 0.7) {
    const key = pick();
    program.set(key, { ...program.get(key)!, name: `soak_${counter.next++}` });
  } else if (roll < 0.85) {
    const key = pick();
    const old = program.get(key)!;
    program.set(key, { ...old, table: old.table === "public" ? "custom" : "public" });
  } else {
    program.delete(pick());
  }
}

async function retried<T>(what: () => Promise<T>, figures: SoakFigures): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await what();
    } catch (error) {
      if (attempt >= 12) throw error;
      figures.retries += 1;
    }
  }
}

/** Runs `rounds` rounds from `seed` and returns what happened; throws at the first round that breaks a promise. */
export async function runSoak(options: { seed: number; rounds: number; faultRate: number; log?: (line: string) => void }): Promise<SoakFigures> {
  const random = seededRandom(options.seed);
  const server = await startConformanceHasura();
  const proxy = await startFaultProxy(server.url, seededRandom(options.seed + 1), 0);
  const figures: SoakFigures = { seed: options.seed, rounds: 0, ups: 0, retries: 0, requests: 0, faultsInjected: 0, lost: 0, otherClientWrites: 0 };
  const program = new Map<string, Relationship>();
  const counter = { next: 0 };
  const others = new Set<string>();
  const stack = await createLocalStack({
    program: programOf(() => [...program.entries()].map(([resource, relationship]): RelationshipSpec => ({ resource, args: argsOf(relationship) }))),
    config: { "hasura:endpoint": proxy.url, "hasura:maxRetries": "2", "hasura:conflictRetries": "8" },
    secrets: { "hasura:adminSecret": conformanceSecret },
  });
  try {
    proxy.rate = options.faultRate;
    for (let round = 1; round <= options.rounds; round++) {
      mutate(program, random, counter);
      if (random() < 0.3) {
        const name = `other_${round}`;
        await hasuraCall(server.url, conformanceSecret, {
          type: "pg_create_remote_relationship",
          args: {
            source: "default",
            table: { schema: "public", name: "profiles" },
            name,
            definition: { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } } },
          },
        });
        others.add(name);
        figures.otherClientWrites += 1;
      }
      await retried(() => stack.up(), figures);
      figures.ups += 1;
      figures.lost += differences(server.exportMetadata() as unknown as JsonObject, program, others);
      assert.equal(figures.lost, 0, `round ${round}: Hasura does not hold exactly the program`);
      await retried(() => stack.refresh({ expectNoChanges: true }), figures);
      figures.rounds = round;
      options.log?.(`round ${round}: ${program.size} relationships, ${figures.retries} retries so far, ${proxy.counts.requests} requests`);
    }
    proxy.rate = 0;
    await stack.destroy();
    const outputs = [...stack.output, await stack.exportText()];
    assert.equal(outputs.filter((text) => text.includes(conformanceSecret)).length, 0, "the admin secret is in an output");
  } finally {
    figures.requests = proxy.counts.requests;
    figures.faultsInjected = proxy.counts.failedBefore + proxy.counts.resetBefore + proxy.counts.resetAfter;
    await proxy.stop();
    await server.stop();
  }
  return figures;
}

/** How many relationships differ between Hasura and the program (missing, wrong, or extra), plus other-client writes that vanished. */
function differences(metadata: JsonObject, program: Map<string, Relationship>, others: Set<string>): number {
  const held = new Map(listTableRelationships(metadata).map(({ key, held }) => [`${key.table.schema}.${key.name}`, held]));
  let wrong = 0;
  for (const relationship of program.values()) {
    const entry = held.get(`${relationship.table}.${relationship.name}`);
    const want = { remote_schema: "user", lhs_fields: relationship.fields === "id" ? ["id"] : ["id", "name"], remote_field: remoteFieldOf(relationship) };
    const got = entry?.kind === "understood" ? storedDefinitionJson({ format: "definition", target: entry.stored.target }).to_remote_schema : undefined;
    if (JSON.stringify(got) !== JSON.stringify(want)) wrong += 1;
    held.delete(`${relationship.table}.${relationship.name}`);
  }
  for (const name of others) {
    if (!held.delete(`public.${name}`)) wrong += 1;
  }
  return wrong + held.size;
}
