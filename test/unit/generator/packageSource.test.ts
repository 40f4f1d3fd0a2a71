import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { packageSourceOf } from "../../../generator";

const identity = { name: "pulumi-hasura-remote-relationships", version: "0.2.0" };

/** A file system holding exactly `files` (path to text). */
function filesOf(files: Record<string, string>) {
  return { text: (file: string) => files[file], exists: (file: string) => file in files };
}

function lockfile(resolved: string): string {
  return JSON.stringify({ packages: { "": {}, "node_modules/pulumi-hasura-remote-relationships": { version: "0.2.0", resolved } } });
}

describe("generator: where the running package came from", () => {
  it("installed by npx from a tarball: that tarball, as npm recorded it relative to the install", () => {
    const npx = "/home/u/.npm/_npx/8db962969b245edf";
    const source = packageSourceOf(
      `${npx}/node_modules/pulumi-hasura-remote-relationships`,
      identity,
      filesOf({
        [`${npx}/node_modules/.package-lock.json`]: lockfile("file:../../../../../tmp/x/pulumi-hasura-remote-relationships-0.2.0.tgz"),
        "/tmp/x/pulumi-hasura-remote-relationships-0.2.0.tgz": "",
      }),
    );
    assert.deepEqual(source, {
      kind: "tarball",
      dependency: "file:/tmp/x/pulumi-hasura-remote-relationships-0.2.0.tgz",
      tarball: "/tmp/x/pulumi-hasura-remote-relationships-0.2.0.tgz",
      present: true,
    });
  });

  it("installed in a project from a tarball that is gone since: still that tarball, said to be missing", () => {
    const source = packageSourceOf(
      "/work/app/node_modules/pulumi-hasura-remote-relationships",
      identity,
      filesOf({ "/work/app/package-lock.json": lockfile("file:vendor/pulumi-hasura-remote-relationships-0.2.0.tgz") }),
    );
    assert.deepEqual(source, {
      kind: "tarball",
      dependency: "file:/work/app/vendor/pulumi-hasura-remote-relationships-0.2.0.tgz",
      tarball: "/work/app/vendor/pulumi-hasura-remote-relationships-0.2.0.tgz",
      present: false,
    });
  });

  it("installed from a registry, or by a package manager that keeps no npm lockfile: the registry's version", () => {
    const root = "/work/app/node_modules/pulumi-hasura-remote-relationships";
    const registry = lockfile("https://registry.npmjs.org/pulumi-hasura-remote-relationships/-/pulumi-hasura-remote-relationships-0.2.0.tgz");
    assert.deepEqual(packageSourceOf(root, identity, filesOf({ "/work/app/node_modules/.package-lock.json": registry })), {
      kind: "registry",
      dependency: "^0.2.0",
    });
    assert.deepEqual(packageSourceOf(root, identity, filesOf({ "/work/app/package-lock.json": "not json" })), { kind: "registry", dependency: "^0.2.0" });
    assert.deepEqual(packageSourceOf(root, identity, filesOf({})), { kind: "registry", dependency: "^0.2.0" });
  });

  it("run from a clone: the tarball `npm pack` makes there", () => {
    assert.deepEqual(packageSourceOf("/src/hasura-rr", identity, filesOf({})), {
      kind: "clone",
      dependency: "file:/src/hasura-rr/pulumi-hasura-remote-relationships-0.2.0.tgz",
      folder: "/src/hasura-rr",
      tarball: "/src/hasura-rr/pulumi-hasura-remote-relationships-0.2.0.tgz",
    });
    assert.equal(packageSourceOf("/src/x", { name: "@acme/rr", version: "1.0.0" }, filesOf({})).dependency, "file:/src/x/acme-rr-1.0.0.tgz");
  });
});
