import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CommandError, parseCommand } from "../../../generator";

function usageError(args: readonly string[]): string {
  try {
    parseCommand(args);
  } catch (error) {
    assert.ok(error instanceof CommandError);
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

  it("shows the help for --help, -h and help, and the version for --version and version", () => {
    for (const args of [["--help"], ["-h"], ["help"], ["generate", "--help"]]) assert.deepEqual(parseCommand(args), { kind: "help" });
    for (const args of [["--version"], ["version"]]) assert.deepEqual(parseCommand(args), { kind: "version" });
  });

  const cases: [string, readonly string[], string | RegExp][] = [
    ["no command", [], "No command given. The commands are generate and drift."],
    ["another command", ["import"], 'Unknown command "import". The commands are generate and drift.'],
    ["a flag before the command", ["--endpoint", "http://h", "generate"], "The command comes first, before --endpoint. The commands are generate and drift."],
    ["a stray argument", ["generate", "--endpoint", "http://h", "--out", "d", "extra"], /^Unexpected argument 'extra'/],
    [
      "an endpoint with a query",
      ["generate", "--endpoint", "http://h?x=1", "--out", "d"],
      '--endpoint "http://h?x=1" has a query or fragment. Give Hasura\'s base URL only, such as "https://hasura.example.com".',
    ],
    [
      "an endpoint with a password",
      ["generate", "--endpoint", "http://admin:hunter2@h", "--out", "d"],
      "--endpoint must not carry a user name or password: Hasura takes the admin secret instead. Remove them from the URL and set HASURA_GRAPHQL_ADMIN_SECRET.",
    ],
    [
      "drift without stacks",
      ["drift", "--endpoint", "http://h"],
      "Give the stacks that manage this Hasura's relationships: --stack NAME (run in the Pulumi project's folder) or --state FILE (the output of `pulumi stack export`), each as often as needed.",
    ],
    ["drift with a generate flag", ["drift", "--endpoint", "http://h", "--stack", "dev", "--out", "d"], /^Unknown option '--out'/],
    [
      "drift with both outputs",
      ["drift", "--endpoint", "http://h", "--stack", "dev", "--json", "--emit-declarations"],
      "--json and --emit-declarations print different things to standard output: give one of them.",
    ],
    ["drift with an empty stack name", ["drift", "--endpoint", "http://h", "--stack", " "], "--stack is empty: give a name."],
    [
      "drift with a table that is not one",
      ["drift", "--endpoint", "http://h", "--stack", "dev", "--table", "public."],
      '--table "public." is not a table: give NAME (schema public) or SCHEMA.NAME, such as --table public.users.',
    ],
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
  for (const [title, args, message] of cases) {
    it(`refuses ${title}: ${message}`, () => (typeof message === "string" ? assert.equal(usageError(args), message) : assert.match(usageError(args), message)));
  }

  it("takes drift with stacks and state files, each repeatable, the scope, and the endpoint in the provider's canonical form", () => {
    assert.deepEqual(
      parseCommand([
        "drift",
        "--endpoint",
        "HTTP://Hasura.Example.com/base/",
        "--stack",
        "dev",
        "--stack=org/proj/prod",
        "--state",
        "a.json",
        "--source",
        "default",
        "--table",
        "users",
        "--table",
        "sales.orders",
        "--remote-schema",
        "teams",
        "--json",
      ]),
      {
        kind: "drift",
        options: {
          endpoint: "http://hasura.example.com/base",
          stacks: ["dev", "org/proj/prod"],
          stateFiles: ["a.json"],
          scope: {
            sources: ["default"],
            tables: [
              { schema: "public", name: "users" },
              { schema: "sales", name: "orders" },
            ],
            remoteSchemas: ["teams"],
          },
          json: true,
          emitDeclarations: false,
        },
      },
    );
    assert.deepEqual(parseCommand(["drift", "--help"]), { kind: "help" });
  });

  it("refuses an unknown flag with Node's own words", () => assert.match(usageError(["generate", "--secret", "x"]), /^Unknown option '--secret'/));
});
