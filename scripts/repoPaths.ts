/** Where this repository and its own tools are, from dist/scripts or scripts. */
import path from "node:path";

/** The repository's root. */
export const repoRoot = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? "../.." : "..");

/** Where the project keeps the tools it builds or fetches; ignored by git. */
export const toolsDir = path.join(repoRoot, ".tools");

/** The tools' programs: the Pulumi CLI, its Node.js language host, the dynamic provider plugin. */
export const toolsBin = path.join(toolsDir, "bin");
