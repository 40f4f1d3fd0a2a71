/**
 * A user's project whose program declares whatever relationships its stack config lists, so that one
 * installed project (npm pack and npm install cost most of a minute) serves every scenario of a test
 * file: each scenario is a stack of its own, and each step a `pulumi config set` and a CLI command.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { RemoteRelationshipArgs } from "../../sdk";
import { tempDir } from "../../scripts/localStack";
import { createUserProject, packPackage, projectDevDependencies, type UserProject } from "./userProject";

/** One resource of the program: its Pulumi name and its args, as JSON. */
export interface DeclaredRelationship {
  readonly resource: string;
  readonly args: RemoteRelationshipArgs;
}

/** The program: the relationships in `program:relationships` (a JSON list of {resource, args}), their IDs exported. */
const program = `import * as pulumi from "@pulumi/pulumi";
import { RemoteRelationship, type RemoteRelationshipArgs } from "pulumi-hasura-remote-relationships";

const declared = JSON.parse(new pulumi.Config("program").require("relationships")) as { resource: string; args: RemoteRelationshipArgs }[];
export const ids = declared.map(({ resource, args }) => new RemoteRelationship(resource, args).id);
`;

/** Packs the package and installs it into a new project whose program is the one above. */
export async function createRelationshipsProject(options: { readonly env?: Record<string, string> } = {}): Promise<UserProject> {
  const source = tempDir("relationships-project");
  writeFileSync(path.join(source, "Pulumi.yaml"), "name: relationships\nruntime: nodejs\n");
  writeFileSync(path.join(source, "index.ts"), program);
  writeFileSync(
    path.join(source, "package.json"),
    JSON.stringify({ name: "relationships", private: true, main: "index.ts", dependencies: {}, devDependencies: {} }, null, 2),
  );
  writeFileSync(
    path.join(source, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { strict: true, target: "ES2022", module: "commonjs", moduleResolution: "node", esModuleInterop: true },
      files: ["index.ts"],
    }),
  );
  const packed = await packPackage();
  return createUserProject({ from: source, install: [packed.tarball, "@pulumi/pulumi@3.270.0", ...projectDevDependencies], env: options.env });
}

/** Creates `stack` in the project with its Hasura, admin secret and relationships. */
export async function initStack(
  project: UserProject,
  stack: string,
  config: { readonly endpoint: string; readonly adminSecret: string; readonly relationships: readonly DeclaredRelationship[] },
): Promise<void> {
  await project.pulumi(["stack", "init", stack]);
  await project.pulumi([
    "config",
    "set-all",
    "--plaintext",
    `hasura:endpoint=${config.endpoint}`,
    "--secret",
    `hasura:adminSecret=${config.adminSecret}`,
    "--plaintext",
    `program:relationships=${JSON.stringify(config.relationships)}`,
    "--stack",
    stack,
  ]);
}

/** Sets the relationships the program of `stack` declares. */
export async function declare(project: UserProject, stack: string, relationships: readonly DeclaredRelationship[]): Promise<void> {
  await project.pulumi(["config", "set", "program:relationships", JSON.stringify(relationships), "--stack", stack]);
}

/** `count` relationships users.messages0, messages1, ... joining remote schema "messages" (examples/environment). */
export function messagesRelationships(count: number, prefix = "messages"): DeclaredRelationship[] {
  return Array.from({ length: count }, (_, index) => ({
    resource: `${prefix}-${index}`,
    args: {
      name: `${prefix}${index}`,
      table: "users",
      hasuraFields: ["id"],
      remoteSchema: "messages",
      remoteField: { messagesByUser: { arguments: { userId: "$id" } } },
    },
  }));
}

/** The resources of a stack's state: type, URN, ID, the endpoint its outputs name, and Pulumi's own flags. */
export async function stateOf(
  project: UserProject,
  stack: string,
): Promise<{ urn: string; type: string; id?: string; endpoint?: string; pendingReplacement?: boolean; delete?: boolean }[]> {
  const state = JSON.parse(await project.exportText(stack)) as {
    deployment: {
      resources?: { urn: string; type: string; id?: string; outputs?: { endpoint?: string }; pendingReplacement?: boolean; delete?: boolean }[];
    };
  };
  return (state.deployment.resources ?? [])
    .filter((resource) => resource.type.includes("hasura:"))
    .map(({ urn, type, id, outputs, pendingReplacement, delete: deleted }) => ({
      urn,
      type,
      id,
      endpoint: outputs?.endpoint,
      pendingReplacement,
      delete: deleted,
    }));
}
