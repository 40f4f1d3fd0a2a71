/**
 * `add/update/remove/reload/introspect_remote_schema` (Hasura's RemoteSchema/MetadataAPI/Core.hs).
 * Adding introspects first and fails with `remote-schema-error` when the server cannot be read;
 * removing refuses while consistent relationships depend on the schema.
 */
import { errorMessage, type JsonObject } from "../../model";
import { dquote } from "../base/aeson";
import { err400 } from "../base/apiError";
import type { Cursor } from "../base/cursor";
import { normalizeRemoteSchemaDefinition } from "../metadata/parseMetadata";
import type { Metadata, RemoteSchemaMetadata } from "../metadata/records";
import { dependencyMessage, remoteSchemaDependents } from "../schemaCache/dependents";
import type { Tx } from "../engine/tx";
import { success, type Command } from "./command";

interface AddArgs {
  name: string;
  definition: JsonObject;
  comment?: string;
}

function parseAddArgs(cursor: Cursor): AddArgs {
  const object = cursor.object("AddRemoteSchemaQuery");
  const name = object.required("name").nonEmptyText();
  const definition = normalizeRemoteSchemaDefinition(object.required("definition").object("RemoteSchemaDef").fields);
  const comment = object.optional("comment")?.text();
  return comment === undefined ? { name, definition } : { name, definition, comment };
}

function parseName(cursor: Cursor): string {
  return cursor.object("RemoteSchemaNameQuery").required("name").nonEmptyText();
}

function checkDefinition(definition: JsonObject): void {
  const hasUrl = typeof definition.url === "string";
  const hasEnv = typeof definition.url_from_env === "string";
  if (hasUrl && hasEnv) throw err400("invalid-params", "both `url` and `url_from_env` can't be present");
  if (!hasUrl && !hasEnv) throw err400("invalid-params", "both `url` and `url_from_env` can't be empty");
}

function isKnown(tx: Tx, name: string): boolean {
  return tx.metadata.remoteSchemas.some((schema) => schema.name === name);
}

function isConsistent(tx: Tx, name: string): boolean {
  return isKnown(tx, name) && tx.isConsistent(`remote_schema ${name}`);
}

function put(args: AddArgs, keep?: RemoteSchemaMetadata): (metadata: Metadata) => void {
  return (metadata) => {
    const entry: RemoteSchemaMetadata = {
      name: args.name,
      definition: args.definition,
      remoteRelationships: keep?.remoteRelationships ?? [],
      extra: keep?.extra ?? {},
    };
    if (args.comment !== undefined) entry.comment = args.comment;
    const index = metadata.remoteSchemas.findIndex((schema) => schema.name === args.name);
    if (index === -1) metadata.remoteSchemas.push(entry);
    else metadata.remoteSchemas[index] = entry;
  };
}

/** Checks the definition and introspects the server it names into `tx`; failures are answered, not recorded. */
async function introspectInto(tx: Tx, args: AddArgs): Promise<void> {
  checkDefinition(args.definition);
  tx.remoteSchemas.set(args.name, await tx.services.introspect(args.name, args.definition));
  tx.remoteSchemaFailures.delete(args.name);
}

/** Parses and builds `add_remote_schema`. */
export function addRemoteSchemaCommand(type: string, cursor: Cursor): Command {
  const args = parseAddArgs(cursor);
  return {
    type,
    modifiesMetadata: true,
    async run(tx: Tx) {
      if (isKnown(tx, args.name)) throw err400("already-exists", `remote schema with name ${dquote(args.name)} already exists`);
      await introspectInto(tx, args);
      await tx.buildSchemaCacheFor(`remote_schema ${args.name}`, put(args));
      return success();
    },
  };
}

/** Parses and builds `update_remote_schema`; relationships defined on the schema are kept. */
export function updateRemoteSchemaCommand(type: string, cursor: Cursor): Command {
  const args = parseAddArgs(cursor);
  return {
    type,
    modifiesMetadata: true,
    async run(tx: Tx) {
      const existing = tx.metadata.remoteSchemas.find((schema) => schema.name === args.name);
      if (existing === undefined) throw err400("not-exists", `remote schema with name ${dquote(args.name)} doesn't exist`);
      await introspectInto(tx, args);
      await tx.buildSchemaCacheFor(`remote_schema ${args.name}`, put(args, existing));
      return success();
    },
  };
}

/** Parses and builds `remove_remote_schema`. */
export function removeRemoteSchemaCommand(type: string, cursor: Cursor): Command {
  const name = parseName(cursor);
  return {
    type,
    modifiesMetadata: true,
    async run(tx: Tx) {
      if (!isConsistent(tx, name)) throw err400("not-exists", "no such remote schema");
      const dependents = remoteSchemaDependents(tx.metadata, tx.inconsistencies, name);
      if (dependents.length > 0) throw err400("dependency-error", dependencyMessage(dependents));
      await tx.rebuildChecked((metadata) => {
        metadata.remoteSchemas = metadata.remoteSchemas.filter((schema) => schema.name !== name);
      });
      tx.remoteSchemas.delete(name);
      tx.remoteSchemaFailures.delete(name);
      return success();
    },
  };
}

/** Parses and builds `reload_remote_schema`: introspects again; a failure becomes an inconsistency. */
export function reloadRemoteSchemaCommand(type: string, cursor: Cursor): Command {
  const name = parseName(cursor);
  return {
    type,
    modifiesMetadata: true,
    async run(tx: Tx) {
      const existing = tx.metadata.remoteSchemas.find((schema) => schema.name === name);
      if (existing === undefined) throw err400("not-exists", `remote schema with name ${dquote(name)} does not exist`);
      try {
        tx.remoteSchemas.set(name, await tx.services.introspect(name, existing.definition));
        tx.remoteSchemaFailures.delete(name);
      } catch (error) {
        tx.remoteSchemas.delete(name);
        tx.remoteSchemaFailures.set(name, errorMessage(error));
      }
      await tx.rebuildChecked(() => undefined);
      return success();
    },
  };
}

/** Parses `introspect_remote_schema`: answers the stored introspection result. */
export function introspectRemoteSchemaCommand(type: string, cursor: Cursor): Command {
  const name = parseName(cursor);
  return {
    type,
    modifiesMetadata: false,
    async run(tx: Tx) {
      const introspected = tx.remoteSchemas.get(name);
      if (!isConsistent(tx, name) || introspected === undefined) throw err400("not-exists", `remote schema: ${dquote(name)} not found`);
      return structuredClone(introspected.raw);
    },
  };
}
