// The entry point that Pulumi.yaml names; `pulumi up` in the repository root runs it.
import { exampleProgram } from "./program";

module.exports = exampleProgram();
