import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { providerModuleReference, providerModuleText } from "../../../provider/handle";

describe("the state's reference to the provider", () => {
  it("names the package when it is installed under node_modules, the last one for pnpm", () => {
    assert.equal(providerModuleReference(path.join("/app", "node_modules", "pkg", "dist", "provider", "index.js")), "pkg/dist/provider/index.js");
    assert.equal(
      providerModuleReference(path.join("/app", "node_modules", ".pnpm", "pkg@1", "node_modules", "pkg", "dist", "provider", "index.js")),
      "pkg/dist/provider/index.js",
    );
    assert.equal(
      providerModuleReference(path.join("/app", "node_modules", "@scope", "pkg", "dist", "provider", "index.js")),
      "@scope/pkg/dist/provider/index.js",
    );
  });
  it("is the path itself outside node_modules", () => assert.equal(providerModuleReference("/repo/dist/provider/index.js"), "/repo/dist/provider/index.js"));
  it("is one line whose handler() requires it and picks the export", () => {
    const text = providerModuleText("remoteSchemaRelationshipProvider", "pkg/dist/provider/index.js");
    assert.equal(text, 'exports.handler = function () { return require("pkg/dist/provider/index.js")["remoteSchemaRelationshipProvider"]; };\n');
    const module = { exports: {} as { handler?: () => unknown } };
    new Function("exports", "require", text)(module.exports, (id: string) => ({ remoteSchemaRelationshipProvider: `loaded ${id}` }));
    assert.equal(module.exports.handler?.(), "loaded pkg/dist/provider/index.js");
  });
});
