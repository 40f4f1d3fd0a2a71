/** The files of the generated Pulumi TypeScript project, and writing them into a folder that is empty unless told otherwise. */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Inventory } from "./inventory";
import { CommandError } from "./errors";
import { renderProgram } from "./program";

/** What the project files say besides the relationships. */
export interface ProjectSettings {
  /** The Pulumi project name. */
  readonly name: string;
  readonly endpoint: string;
  readonly packageName: string;
  readonly packageVersion: string;
  /** How package.json names this package: a registry range, or a `file:` tarball (see packageSource.ts). */
  readonly packageDependency: string;
  /** The `@pulumi/pulumi` range the project depends on. */
  readonly pulumiRange: string;
}

/** The files in the order they are written and listed: file name to text. */
export function projectFiles(inventory: Inventory, settings: ProjectSettings): ReadonlyMap<string, string> {
  const packageJson = {
    name: settings.name,
    private: true,
    main: "index.ts",
    dependencies: { "@pulumi/pulumi": settings.pulumiRange, [settings.packageName]: settings.packageDependency },
    devDependencies: { "@types/node": "^22.0.0", typescript: "^5.0.0" },
  };
  const tsconfig = {
    compilerOptions: { strict: true, target: "ES2022", module: "commonjs", moduleResolution: "node", esModuleInterop: true, outDir: "bin" },
    files: ["index.ts"],
  };
  return new Map([
    [
      "Pulumi.yaml",
      [
        `name: ${settings.name}`,
        `description: ${JSON.stringify(`Hasura remote relationships of ${settings.endpoint}, written by ${settings.packageName} generate.`)}`,
        "runtime: nodejs",
        "",
      ].join("\n"),
    ],
    ["package.json", `${JSON.stringify(packageJson, null, 2)}\n`],
    ["tsconfig.json", `${JSON.stringify(tsconfig, null, 2)}\n`],
    [".gitignore", "/bin/\n/node_modules/\n"],
    ["index.ts", renderProgram(inventory, settings)],
  ]);
}

/** A Pulumi project name from the folder's name: letters, digits, `-`, `_` and `.` only. */
export function projectNameFor(dir: string): string {
  const name = path
    .basename(path.resolve(dir))
    .replace(/[^A-Za-z0-9_.-]+/g, "-")
    .replace(/^[-.]+|-+$/g, "");
  return name === "" ? "hasura-relationships" : name;
}

/** The files a project is made of, in the order they are written. */
export const projectFileNames = ["Pulumi.yaml", "package.json", "tsconfig.json", ".gitignore", "index.ts"] as const;

/**
 * Refuses a `dir` that already holds anything, unless `force`: then only the project's files are
 * overwritten, and nothing else in it is touched. Run before anything is read, so a refusal costs nothing.
 */
export function ensureWritable(dir: string, force: boolean): void {
  if (force || !existsSync(dir)) return;
  const entries = readdirSync(dir).sort();
  if (entries.length === 0) return;
  const held = entries.length === 1 ? `"${entries[0]}"` : `${entries.length} entries, such as "${entries[0]}"`;
  throw new CommandError(
    `${dir} is not empty (it holds ${held}). Give --out a new or empty folder, or add --force to overwrite ${projectFileNames.join(", ")} there.`,
  );
}

/** Writes the files into `dir`, made when missing. */
export function writeProject(dir: string, files: ReadonlyMap<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of files) writeFileSync(path.join(dir, name), text);
}
