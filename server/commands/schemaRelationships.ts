/**
 * `create/update/delete_remote_schema_remote_relationship`: relationships defined on a type of a
 * remote schema (Hasura's `runCreateRemoteSchemaRemoteRelationship` & co). Create on a missing
 * remote schema changes nothing and succeeds; delete of a missing relationship succeeds; update
 * of a missing one is `not-exists` — all as Hasura's lenses make it.
 */
import type { RemoteSchemaRelationshipKey } from "../../model";
import { dquote } from "../base/aeson";
import { err400 } from "../base/apiError";
import { Cursor } from "../base/cursor";
import { parseRemoteRelationship } from "../metadata/parseRelationship";
import { purgeObject } from "../metadata/purge";
import type { Metadata, RemoteRelationship } from "../metadata/records";
import { schemaRelationshipId } from "../schemaCache/build";
import type { Tx } from "../engine/tx";
import { success, type Command } from "./command";

function parseTarget(cursor: Cursor, kind: string): RemoteSchemaRelationshipKey {
  const object = cursor.object(kind);
  return {
    remoteSchema: object.required("remote_schema").nonEmptyText(),
    typeName: object.required("type_name").text(),
    name: object.required("name").nonEmptyText(),
  };
}

function upsert(target: RemoteSchemaRelationshipKey, relationship: RemoteRelationship): (metadata: Metadata) => void {
  return (metadata) => {
    const schema = metadata.remoteSchemas.find((candidate) => candidate.name === target.remoteSchema);
    if (schema === undefined) return;
    let type = schema.remoteRelationships.find((candidate) => candidate.typeName === target.typeName);
    if (type === undefined) {
      type = { typeName: target.typeName, relationships: [] };
      schema.remoteRelationships.push(type);
    }
    const index = type.relationships.findIndex((candidate) => candidate.name === relationship.name);
    if (index === -1) type.relationships.push(relationship);
    else type.relationships[index] = relationship;
  };
}

function remove(target: RemoteSchemaRelationshipKey): (metadata: Metadata) => void {
  return (metadata) => purgeObject(metadata, { kind: "schemaRelationship", remoteSchema: target.remoteSchema, typeName: target.typeName, name: target.name });
}

function existsInCache(tx: Tx, target: RemoteSchemaRelationshipKey): boolean {
  const schema = tx.metadata.remoteSchemas.find((candidate) => candidate.name === target.remoteSchema);
  const type = schema?.remoteRelationships.find((candidate) => candidate.typeName === target.typeName);
  const present = type?.relationships.some((candidate) => candidate.name === target.name) ?? false;
  return (
    present &&
    tx.isConsistent(`remote_schema ${target.remoteSchema}`) &&
    tx.isConsistent(schemaRelationshipId(target.remoteSchema, target.typeName, target.name))
  );
}

/** Parses `create_` (or, with `mustExist`, `update_`) `remote_schema_remote_relationship`. */
export function upsertSchemaRelationshipCommand(type: string, cursor: Cursor, mustExist: boolean): Command {
  const target = parseTarget(cursor, "CreateRemoteSchemaRemoteRelationship");
  const object = cursor.object("CreateRemoteSchemaRemoteRelationship");
  // Hasura parses `definition` after reading it as raw JSON, so failures inside it are reported at the arguments' path.
  const definition = object.required("definition");
  const relationship = parseRemoteRelationship("strict", target.name, new Cursor(definition.value, object.path));
  return {
    type,
    modifiesMetadata: true,
    async run(tx: Tx) {
      if (mustExist && !existsInCache(tx, target)) {
        // Hasura composes this message with right-associative quoting operators, hence the doubled quotes.
        const message = `no relationship defined on remote schema ${dquote(`${dquote(target.remoteSchema)} with name ${dquote(target.name)}`)}`;
        throw err400("not-exists", message);
      }
      await tx.buildSchemaCacheFor(schemaRelationshipId(target.remoteSchema, target.typeName, target.name), upsert(target, relationship));
      return success();
    },
  };
}

/** Parses `delete_remote_schema_remote_relationship`. */
export function deleteSchemaRelationshipCommand(type: string, cursor: Cursor): Command {
  const target = parseTarget(cursor, "DeleteRemoteSchemaRemoteRelationship");
  return {
    type,
    modifiesMetadata: true,
    async run(tx: Tx) {
      await tx.buildSchemaCacheFor(schemaRelationshipId(target.remoteSchema, target.typeName, target.name), remove(target));
      return success();
    },
  };
}
