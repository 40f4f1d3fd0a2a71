/**
 * The bench's Pulumi project, as a user has it: this package packed with `npm pack` and installed,
 * beside the repository's own @pulumi/pulumi version, into a project folder of its own (the test
 * suite's support code, test/support/userProject.ts), with its stacks on a local file backend.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { tempDir } from "../scripts/localStack";
import { repoRoot } from "../scripts/pulumiCli";
import { createUserProject, packPackage, type PackedPackage, type UserProject } from "../test/support/userProject";
import { packageJson, programJs, pulumiYaml } from "./program";

/** The project, and what went into it. */
export interface BenchProject {
  readonly project: UserProject;
  readonly packed: PackedPackage;
  /** The @pulumi/pulumi version installed in the project. */
  readonly pulumiSdk: string;
  /** `pulumi stack init NAME`, then its config in one `pulumi config set-all`. */
  createStack(name: string, config: Readonly<Record<string, string>>, secrets?: Readonly<Record<string, string>>): Promise<void>;
  /** Removes the temporary folders: the project, its backend, the tarball. */
  dispose(): void;
}

/** Packs the package, writes the project (bench/program.ts) and installs both into it. */
export async function prepareProject(): Promise<BenchProject> {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
  const pulumiSdk = manifest.devDependencies["@pulumi/pulumi"];
  const packed = await packPackage();
  const template = path.join(tempDir("bench-template"), "hasura-bench");
  mkdirSync(template);
  writeFileSync(path.join(template, "Pulumi.yaml"), pulumiYaml);
  writeFileSync(path.join(template, "package.json"), packageJson);
  writeFileSync(path.join(template, "index.js"), programJs);
  const project = await createUserProject({ from: template, install: [packed.tarball, `@pulumi/pulumi@${pulumiSdk}`] });
  return {
    project,
    packed,
    pulumiSdk,
    createStack: async (name, config, secrets = {}) => {
      await project.pulumi(["stack", "init", name]);
      const pairs = [
        ...Object.entries(config).flatMap(([key, value]) => ["--plaintext", `${key}=${value}`]),
        ...Object.entries(secrets).flatMap(([key, value]) => ["--secret", `${key}=${value}`]),
      ];
      await project.pulumi(["config", "set-all", ...pairs, "--stack", name]);
    },
    dispose: () => {
      for (const dir of [path.dirname(project.dir), project.backendDir, path.dirname(packed.tarball), path.dirname(template)])
        rmSync(dir, { recursive: true, force: true });
    },
  };
}
