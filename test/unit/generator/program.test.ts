import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ts from "typescript";
import { renderAdoption, renderProgram } from "../../../generator";
import { flatLiteral, literal, propertyKey } from "../../../generator/typescriptLiteral";
import { inventoryOfDocument, mixedMetadata, tablesWith } from "./fixtures";

const origin = { endpoint: "http://localhost:8080", packageName: "pulumi-hasura-remote-relationships", packageVersion: "9.9.9" };

describe("generator: TypeScript literals", () => {
  it("writes keys bare where they are identifiers, quoted where not, and __proto__ computed", () => {
    assert.equal(propertyKey("userId"), "userId");
    assert.equal(propertyKey("$x"), "$x");
    assert.equal(propertyKey("my-field"), '"my-field"');
    assert.equal(propertyKey("1st"), '"1st"');
    assert.equal(propertyKey("__proto__"), '["__proto__"]');
  });

  it("writes values on one line as prettier would", () => {
    assert.equal(
      flatLiteral({ user: { arguments: { id: "$id", tags: ["a", 1, true, null] } } }),
      '{ user: { arguments: { id: "$id", tags: ["a", 1, true, null] } } }',
    );
    assert.equal(flatLiteral({ arguments: {} }), "{ arguments: {} }");
    assert.equal(flatLiteral('say "hi"\n'), '"say \\"hi\\"\\n"');
  });

  it("breaks a value that does not fit into one entry per line, with trailing commas", () => {
    const value = { messages: { arguments: { where: { userId: { eq: "$id" } }, orderBy: { createdAt: "desc" }, limit: 20 } } };
    assert.equal(
      literal(value, "    ", 60),
      [
        "{",
        "      messages: {",
        '        arguments: { where: { userId: { eq: "$id" } }, orderBy: { createdAt: "desc" }, limit: 20 },',
        "      },",
        "    }",
      ].join("\n"),
    );
  });
});

describe("generator: the program", () => {
  it("is exactly this for one relationship", () => {
    assert.equal(
      renderProgram(inventoryOfDocument(tablesWith([["users", "team", "team_id"]])), origin),
      `// The remote relationships of the Hasura at http://localhost:8080, one resource each, as
// \`pulumi-hasura-remote-relationships generate\` (9.9.9) read them from its metadata.
//
// Every resource carries the \`import\` option: the first \`pulumi up\` takes the relationship over as
// Hasura holds it, writing nothing to Hasura, and stops with both definitions shown if Hasura holds
// something else by then. After that up, the \`import\` options can be deleted. The endpoint and the
// admin secret come from the stack's config: \`hasura:endpoint\` and the secret \`hasura:adminSecret\`.
import { RemoteRelationship } from "pulumi-hasura-remote-relationships";

// public.users

new RemoteRelationship(
  "users-team",
  {
    name: "team",
    table: "users",
    hasuraFields: ["team_id"],
    remoteSchema: "user",
    remoteField: { user: { arguments: { id: "$team_id" } } },
  },
  { import: "default/public/users/team" },
);
`,
    );
  });

  it("groups by table and remote schema type, imports both resource classes, ends with what it skipped and why, and is valid TypeScript", () => {
    const text = renderProgram(inventoryOfDocument(mixedMetadata), origin);
    assert.deepEqual(
      text.split("\n").filter((line) => /^\/\/ (public|custom|remote schema)/.test(line)),
      ["// public.profiles", "// custom.profiles", '// public.orders, source "shop"', '// remote schema "user", type User'],
    );
    assert.match(text, /^import \{ RemoteRelationship, RemoteSchemaRelationship \} from "pulumi-hasura-remote-relationships";$/m);
    assert.equal(text.match(/^new RemoteRelationship\(/gm)?.length, 5);
    assert.equal(text.match(/^new RemoteSchemaRelationship\(/gm)?.length, 2);
    assert.ok(
      text.includes(
        '    toSource: {\n      relationshipType: "array",\n      source: "shop",\n      table: "orders",\n      fieldMapping: { id: "profile_id" },\n    },\n',
      ),
      "toSource is written one key per line when it does not fit",
    );
    // A skipped entry's comment continues on lines indented under its dash.
    const unwrapped = text.replace(/\n\/\/ {3}/g, " ");
    assert.match(unwrapped, /\/\/ Not declared here, and why:\n\/\/ - default\/public\/profiles\/broken: Hasura holds a definition this package cannot read:/);
    assert.deepEqual(syntaxErrors(text), []);
  });

  it("with nothing to declare is still a module, and says so", () => {
    const text = renderProgram({ declarations: [], skipped: [] }, origin);
    assert.match(text, /^export \{\};$/m);
    assert.match(text, /Hasura holds no remote relationship to declare here\./);
    assert.deepEqual(syntaxErrors(text), []);
    const adoption = renderAdoption({ declarations: [], skipped: [] }, origin);
    assert.match(adoption, /^export \{\};$/m);
    assert.match(adoption.replace(/\n\/\/ /g, " "), /Hasura holds no remote relationship that no given stack manages: there is nothing to adopt\./);
    assert.deepEqual(syntaxErrors(adoption), []);
  });

  it("keeps every comment line within the width", () => {
    const text = renderProgram(inventoryOfDocument(mixedMetadata), origin);
    const long = text.split("\n").filter((line) => line.startsWith("//") && line.length > 100 && line.includes(" "));
    assert.deepEqual(
      long.filter((line) => !/\S{40,}/.test(line)),
      [],
    );
  });
});

describe("drift --emit-declarations: the adopting module", () => {
  it("declares the given relationships as the program does, says how to use it, and avoids the names the stacks use", () => {
    const text = renderAdoption(inventoryOfDocument(tablesWith([["users", "team", "team_id"]]), [], new Map(), ["users-team"]), origin);
    assert.match(text.replace(/\n\/\/ /g, " "), /that no given stack manages, as `pulumi-hasura-remote-relationships drift --emit-declarations` \(9\.9\.9\)/);
    assert.match(text.replace(/\n\/\/ /g, " "), /add `import "\.\/adopted";` to it, or paste the `new` statements into the program\./);
    assert.match(text, /^new RemoteRelationship\(\n {2}"users-team-2",$/m);
    assert.match(text, /^ {2}\{ import: "default\/public\/users\/team" \},$/m);
    assert.deepEqual(syntaxErrors(text), []);
  });
});

function syntaxErrors(text: string): string[] {
  const output = ts.transpileModule(text, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.CommonJS } });
  return (output.diagnostics ?? []).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}
