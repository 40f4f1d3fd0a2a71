/**
 * A Pulumi program for test/e2e/boundedMessages.test.ts: one relationship on public.profiles joining
 * remote schema "user", its inputs built in code as the stack's `program:case` says, too large for a
 * command line as a program's own data would be.
 */
import * as pulumi from "@pulumi/pulumi";
import type { RemoteField } from "../../../model";
import { RemoteRelationship, type RemoteRelationshipArgs } from "../../../sdk";

const names = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix}${index}`);

function deepTree(levels: number): RemoteField {
  let field: RemoteField = { user: { arguments: { id: "$id" } } };
  for (let level = 0; level < levels; level++) field = { f: { arguments: {}, field } };
  return field;
}

const onProfiles = { table: "profiles", remoteSchema: "user" };
const join: RemoteField = { user: { arguments: { id: "$id" } } };

const cases: Record<string, () => RemoteRelationshipArgs> = {
  wide: () => ({
    ...onProfiles,
    name: "wide",
    hasuraFields: ["id"],
    remoteField: Object.fromEntries(names(10_000, "f").map((name) => [name, { arguments: {} }])),
  }),
  "many-fields": () => ({ ...onProfiles, name: "manyFields", hasuraFields: names(10_000, "c"), remoteField: join }),
  "deep-10000": () => ({ ...onProfiles, name: "deep", hasuraFields: ["id"], remoteField: deepTree(10_000) }),
  fine: () => ({ ...onProfiles, name: "fine", hasuraFields: ["id"], remoteField: join }),
};

const which = new pulumi.Config("program").require("case");
export const id = new RemoteRelationship(which, cases[which]()).id;
