import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { RunningHasuraServer } from "../../server";
import type { LocalStack } from "../../scripts/localStack";
import { programOf, stackFor, userOfProfile, writeDelta, writesOf, type RelationshipSpec } from "../support/e2e";
import { relationshipsOn, startConformanceHasura } from "../support/localHasura";

const profiles = { schema: "public", name: "profiles" };
const customProfiles = { schema: "custom", name: "profiles" };

/** The three relationships the lifecycle starts from; each step below declares its whole program. */
const userOfProfile1: RelationshipSpec = { resource: "user-of-profile", args: userOfProfile("userOfProfile") };
const messageOfProfile: RelationshipSpec = {
  resource: "message-of-profile",
  args: {
    name: "messageOfProfile",
    table: customProfiles,
    hasuraFields: ["id"],
    remoteSchema: "my-remote-schema",
    remoteField: { message: { arguments: { id: "$id" } } },
  },
};
const prefixed: RelationshipSpec = {
  resource: "prefixed",
  args: {
    name: "prefixed",
    table: "profiles",
    hasuraFields: ["id", "name"],
    remoteSchema: "prefixer-proxy",
    remoteField: { prefixer_proxy_messages_by_pk: { arguments: { id: "$id" } } },
  },
};
const messageByWhere: RelationshipSpec = {
  ...messageOfProfile,
  args: { ...messageOfProfile.args, remoteField: { messages: { arguments: { where: { id: { eq: "$id" } } } } } },
};
const userOfProfile2: RelationshipSpec = {
  ...userOfProfile1,
  args: userOfProfile("userOfProfile", {
    hasuraFields: ["id", "name"],
    remoteSchema: "my-remote-schema",
    remoteField: { message: { arguments: { id: "$id" } } },
  }),
};
const prefixedRenamed: RelationshipSpec = { ...prefixed, args: { ...prefixed.args, name: "prefixedMessage" } };
const prefixedMoved: RelationshipSpec = { ...prefixedRenamed, args: { ...prefixedRenamed.args, table: customProfiles } };

/** One step of the lifecycle, as HashiCorp's acceptance tests write them: the whole program, then what preview, up and Hasura must show. */
interface ApplyStep {
  readonly kind: "apply";
  readonly title: string;
  readonly program: readonly RelationshipSpec[];
  /** The preview's change summary, when the step checks it. */
  readonly preview?: Record<string, number>;
  /** The up's resource changes. */
  readonly changes: Record<string, number>;
  /** The metadata writes the up sends, when the step checks them. */
  readonly writes?: Record<string, number>;
  /** What Hasura holds afterwards. */
  readonly hasura: (server: RunningHasuraServer) => void;
  /** Also check that a refresh and a second up find nothing to do. */
  readonly thenNoChanges?: boolean;
}

/** Another stack imports what the program declares with the `import` option: it must write nothing and then show no changes. */
interface ImportVerifyStep {
  readonly kind: "import-verify";
  readonly title: string;
  readonly program: readonly RelationshipSpec[];
}

type LifecycleStep = ApplyStep | ImportVerifyStep;

const steps: readonly LifecycleStep[] = [
  {
    kind: "apply",
    title: "1. up creates exactly the declared relationships; refresh and a second up find no changes",
    program: [userOfProfile1, messageOfProfile, prefixed],
    changes: { create: 4 },
    thenNoChanges: true,
    hasura: (server) => {
      assert.deepEqual(Object.keys(relationshipsOn(server, profiles)).sort(), ["prefixed", "userOfProfile"]);
      assert.deepEqual(Object.keys(relationshipsOn(server, customProfiles)), ["messageOfProfile"]);
      assert.deepEqual(relationshipsOn(server, profiles).userOfProfile, {
        to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } },
      });
    },
  },
  {
    kind: "import-verify",
    title: "1b. import-verify: another stack imports what the first made, writes nothing, and then has no changes",
    program: [userOfProfile1, messageOfProfile, prefixed],
  },
  {
    kind: "apply",
    title: "2. a new remoteField previews as an update and up sends one update, no delete",
    program: [userOfProfile1, messageByWhere, prefixed],
    preview: { same: 3, update: 1 },
    changes: { same: 3, update: 1 },
    writes: { "/v1/metadata pg_update_remote_relationship": 1 },
    hasura: (server) =>
      assert.deepEqual(relationshipsOn(server, customProfiles).messageOfProfile, {
        to_remote_schema: {
          remote_schema: "my-remote-schema",
          lhs_fields: ["id"],
          remote_field: { messages: { arguments: { where: { id: { eq: "$id" } } } } },
        },
      }),
  },
  {
    kind: "apply",
    title: "2b. new hasuraFields and remoteSchema are updates too",
    program: [userOfProfile2, messageByWhere, prefixed],
    preview: { same: 3, update: 1 },
    changes: { same: 3, update: 1 },
    hasura: (server) =>
      assert.deepEqual(relationshipsOn(server, profiles).userOfProfile, {
        to_remote_schema: { remote_schema: "my-remote-schema", lhs_fields: ["id", "name"], remote_field: { message: { arguments: { id: "$id" } } } },
      }),
  },
  {
    kind: "apply",
    title: "3. a new name previews as a replace; after up only the new relationship exists",
    program: [userOfProfile2, messageByWhere, prefixedRenamed],
    preview: { same: 3, replace: 1 },
    changes: { same: 3, replace: 1 },
    hasura: (server) => assert.deepEqual(Object.keys(relationshipsOn(server, profiles)).sort(), ["prefixedMessage", "userOfProfile"]),
  },
  {
    kind: "apply",
    title: "3b. a new table previews as a replace and moves the relationship",
    program: [userOfProfile2, messageByWhere, prefixedMoved],
    preview: { same: 3, replace: 1 },
    changes: { same: 3, replace: 1 },
    hasura: (server) => {
      assert.deepEqual(Object.keys(relationshipsOn(server, profiles)), ["userOfProfile"]);
      assert.deepEqual(Object.keys(relationshipsOn(server, customProfiles)).sort(), ["messageOfProfile", "prefixedMessage"]);
    },
  },
];

/** Scenarios 1, 2, 3 and 9: up, import-verify, update in place, replacement, destroy, through the real engine. */
describe("pulumi up, preview and destroy", () => {
  let server: RunningHasuraServer;
  let stack: LocalStack;
  let program: readonly RelationshipSpec[] = [];
  let metadataBefore: unknown;

  before(async () => {
    server = await startConformanceHasura();
    metadataBefore = server.exportMetadata();
    stack = await stackFor(server, { program: programOf(() => program) });
  });
  after(async () => {
    await stack?.destroy().catch(() => undefined);
    await server?.stop();
  });

  for (const step of steps) {
    it(step.title, () => (step.kind === "apply" ? apply(step) : importVerify(step)));
  }

  async function apply(step: ApplyStep): Promise<void> {
    program = step.program;
    if (step.preview !== undefined) assert.deepEqual((await stack.preview()).changeSummary, step.preview);
    const before = writesOf(server);
    assert.deepEqual((await stack.up()).summary.resourceChanges, step.changes);
    if (step.writes !== undefined) assert.deepEqual(writeDelta(before, writesOf(server)), step.writes);
    step.hasura(server);
    if (step.thenNoChanges) {
      await stack.refresh({ expectNoChanges: true });
      await stack.up({ expectNoChanges: true });
    }
  }

  async function importVerify(step: ImportVerifyStep): Promise<void> {
    const imported = step.program.map((spec) => ({ ...spec, import: importIdOf(spec) }));
    const other = await stackFor(server, { program: programOf(() => imported), stackName: "import-verify" });
    const before = writesOf(server);
    assert.deepEqual((await other.up()).summary.resourceChanges, { create: step.program.length + 1 });
    assert.deepEqual(writeDelta(before, writesOf(server)), {});
    await other.preview({ expectNoChanges: true });
    // Forget the stack without deleting what it imported: the first stack still manages it.
    await other.stack.workspace.removeStack(other.stack.name, { force: true });
  }

  it("9. destroy leaves the metadata as it was before the first up", async () => {
    await stack.destroy();
    assert.deepEqual(server.exportMetadata(), metadataBefore);
  });
});

function importIdOf(spec: RelationshipSpec): string {
  const table = typeof spec.args.table === "string" ? { schema: "public", name: spec.args.table } : (spec.args.table as { schema: string; name: string });
  return `default/${table.schema}/${table.name}/${spec.args.name as string}`;
}
