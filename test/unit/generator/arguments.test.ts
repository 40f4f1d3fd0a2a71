import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GeneratorError, parseCommand } from "../../../generator";

function usageError(args: readonly string[]): string {
  try {
    parseCommand(args);
  } catch (error) {
    assert.ok(error instanceof GeneratorError);
    assert.equal(error.kind, "usage");
    return error.message;
  }
  throw new Error("no usage error");
}

describe("generator: the command line", () => {
  it("takes generate with --endpoint and --out, in either flag form, and drops a trailing /", () => {
    assert.deepEqual(parseCommand(["generate", "--endpoint=http://h:8080/", "--out", "dir"]), {
      kind: "generate",
      options: { endpoint: "http://h:8080", out: "dir", name: undefined, force: false },
    });
    assert.deepEqual(parseCommand(["generate", "--endpoint", "https://h", "--out", "d", "--force", "--name", "my-stack.v2"]), {
      kind: "generate",
      options: { endpoint: "https://h", out: "d", name: "my-stack.v2", force: true },
    });
  });

  it("shows the help for --help, -h and help", () => {
    for (const args of [["--help"], ["-h"], ["help"], ["generate", "--help"]]) assert.deepEqual(parseCommand(args), { kind: "help" });
  });

  const cases: [string, readonly string[], string][] = [
    ["no command", [], "No command given. The command is generate."],
    ["another command", ["import"], 'Unknown command "import". The command is generate.'],
    ["no endpoint", ["generate", "--out", "d"], "--endpoint is missing: give Hasura's base URL, such as --endpoint http://localhost:8080."],
    ["no out", ["generate", "--endpoint", "http://h"], "--out is missing: give the folder to write the project to, such as --out hasura-relationships."],
    [
      "not a URL",
      ["generate", "--endpoint", "localhost:8080", "--out", "d"],
      '--endpoint "localhost:8080" is not an http or https URL. Give Hasura\'s base URL, such as http://localhost:8080.',
    ],
    [
      "an endpoint ending in Hasura's GraphQL route, in the provider's own words",
      ["generate", "--endpoint", "http://h:8080/v1/graphql", "--out", "d"],
      '--endpoint "http://h:8080/v1/graphql" ends in Hasura\'s own route /v1/graphql: give Hasura\'s base URL, without the route, such as "http://h:8080".',
    ],
    [
      "an endpoint whose port is no TCP port",
      ["generate", "--endpoint", "http://h:0", "--out", "d"],
      '--endpoint "http://h:0" names port "0", which is not a TCP port (1 to 65535). Give the port Hasura listens on, such as "http://localhost:8080".',
    ],
    [
      "a bad project name",
      ["generate", "--endpoint", "http://h", "--out", "d", "--name", "my stack"],
      '--name "my stack" is not a Pulumi project name: use letters, digits, "-", "_" and "." only.',
    ],
  ];
  for (const [title, args, message] of cases) it(`refuses ${title}: ${message}`, () => assert.equal(usageError(args), message));

  it("refuses an unknown flag with Node's own words", () => assert.match(usageError(["generate", "--secret", "x"]), /^Unknown option '--secret'/));
});
