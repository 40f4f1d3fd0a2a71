/**
 * Run in a fresh Node process: loads a serialized provider the way Pulumi's dynamic provider host does
 * (require-from-string, resolved from @pulumi/pulumi's folder) and drives create, read, update and
 * delete against the Hasura at HASURA_URL, printing each result as a JSON line.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

async function main(): Promise<void> {
  const [file, endpoint] = process.argv.slice(2);
  const hostRequire = createRequire(require.resolve("@pulumi/pulumi/cmd/dynamic-provider"));
  const requireFromString = hostRequire("require-from-string") as (code: string) => { handler(): Record<string, (...args: unknown[]) => Promise<unknown>> };
  const provider = requireFromString(readFileSync(file, "utf8")).handler();
  const print = (step: string, value: unknown) => console.log(JSON.stringify({ step, value }));

  // The stack's Hasura is the one driven here: its admin secret goes to hasura:endpoint only.
  const config: Record<string, string | undefined> = { "hasura:adminSecret": process.env.TEST_ADMIN_SECRET, "hasura:endpoint": endpoint };
  await provider.configure({ config: { get: (key: string) => config[key], require: () => "" } });
  const inputs = {
    endpoint,
    name: "serialized",
    table: "profiles",
    hasuraFields: ["id"],
    remoteSchema: "user",
    remoteField: { user: { arguments: { id: "$id" } } },
  };
  const checked = (await provider.check({}, inputs)) as { inputs: Record<string, unknown> };
  print("check", checked);
  const created = (await provider.create(checked.inputs)) as { id: string; outs: Record<string, unknown> };
  print("create", created);
  print("read", await provider.read(created.id, created.outs));
  const news = { ...created.outs, hasuraFields: ["id", "name"], remoteField: { user: { arguments: { id: "$id" } } }, remoteSchema: "user" };
  print("update", await provider.update(created.id, created.outs, news));
  await provider.delete(created.id, news);
  print("delete", "ok");
  print("readAfterDelete", await provider.read(created.id, news));
  try {
    await provider.update(created.id, news, news);
  } catch (error) {
    print("updateMissing", { message: (error as Error).message, name: (error as Error).name });
  }
}

main().catch((error: Error) => {
  console.log(JSON.stringify({ step: "error", value: { message: error.message, stack: error.stack } }));
  process.exit(1);
});
