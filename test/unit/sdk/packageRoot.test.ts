import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";

// The package's root, as a program requires it: dist/index.js.
const root = path.join(__dirname, "..", "..", "..", "index.js");

/** What a fresh Node process loads of the provider's dependencies after running `script` (which may use `root`). */
function dependenciesLoaded(script: string): { readonly loaded: string[]; readonly printed: string } {
  const program = `
    const root = require(${JSON.stringify(root)});
    const printed = (() => { ${script} })();
    const loaded = Object.keys(require.cache)
      .map((file) => file.split("node_modules/").pop())
      .filter((file) => /^(zod|graphql|undici)\\//.test(file));
    process.stdout.write(JSON.stringify({ loaded, printed: String(printed) }));
  `;
  return JSON.parse(execFileSync(process.execPath, ["-e", program], { encoding: "utf8" })) as { loaded: string[]; printed: string };
}

describe("SDK: the package's root in a program", () => {
  it("loads the resources without the provider's HTTP client, schemas or GraphQL", () => {
    const { loaded, printed } = dependenciesLoaded(
      "return typeof root.RemoteRelationship + ' ' + typeof root.RemoteSchemaRelationship + ' ' + typeof root.parseRelationshipId",
    );
    assert.equal(printed, "function function function");
    // The input messages' "did you mean" comes from one small graphql-js helper, not its index.
    assert.deepEqual(
      loaded.filter((file) => !file.startsWith("graphql/jsutils/")),
      [],
    );
  });

  it("loads a provider on its first use: the one the state's handle loads", () => {
    const script = `
      const provider = require(${JSON.stringify(path.join(path.dirname(root), "provider", "index.js"))});
      return [
        root.remoteRelationshipProvider === provider.remoteRelationshipProvider,
        root.remoteSchemaRelationshipProvider === provider.remoteSchemaRelationshipProvider,
        typeof root.remoteRelationshipProvider.check,
        Object.keys(root).includes("remoteRelationshipProvider"),
      ].join(" ");
    `;
    const { loaded, printed } = dependenciesLoaded(script);
    assert.equal(printed, "true true function true");
    assert.ok(
      ["zod/", "graphql/index.js", "undici/index.js"].every((prefix) => loaded.some((file) => file.startsWith(prefix))),
      loaded.join(", "),
    );
  });
});
