/**
 * `*_create/update/delete_remote_relationship` (and the `/v1/query` names without a prefix), as
 * Hasura's `runCreateRemoteRelationship` & co: look the table (and, for update/delete, the
 * relationship) up first, then change the metadata and rebuild, failing with the rebuilt
 * relationship's inconsistency. Create is an upsert.
 */
import type { Cursor } from "../base/cursor";
import {
  parseCreateRelationship,
  parseCreateRelationshipV1,
  parseDeleteRelationship,
  type CreateRelationshipArgs,
  type DeleteRelationshipArgs,
} from "../metadata/parseRelationship";
import { tableText, type QualifiedTable } from "../../model";
import { purgeObject } from "../metadata/purge";
import { findTable, type Metadata } from "../metadata/records";
import { tableRelationshipId } from "../schemaCache/build";
import type { Profile } from "../schemaCache/inconsistency";
import type { Tx } from "../engine/tx";
import { askRemoteRelationship, askTableInfo, success, type Backend, type Command } from "./command";

function upsert(args: CreateRelationshipArgs): (metadata: Metadata) => void {
  return (metadata) => {
    const table = findTable(metadata, args.source, args.table);
    if (table === undefined) return;
    const index = table.remoteRelationships.findIndex((relationship) => relationship.name === args.relationship.name);
    if (index === -1) table.remoteRelationships.push(args.relationship);
    else table.remoteRelationships[index] = args.relationship;
  };
}

function remove(args: DeleteRelationshipArgs): (metadata: Metadata) => void {
  return (metadata) => purgeObject(metadata, { kind: "tableRelationship", source: args.source, table: args.table, name: args.name });
}

function objectId(args: { source: string; table: QualifiedTable }, name: string): string {
  return tableRelationshipId(args.source, tableText(args.table), name);
}

/** Parses and builds `create_remote_relationship`. */
export function createRelationshipCommand(type: string, backend: Backend, cursor: Cursor, profile: Profile): Command {
  const args = profile === "v2" ? parseCreateRelationship(cursor) : parseCreateRelationshipV1(cursor);
  return {
    type,
    modifiesMetadata: true,
    async run(tx: Tx) {
      askTableInfo(tx, backend, args.source, args.table);
      await tx.buildSchemaCacheFor(objectId(args, args.relationship.name), upsert(args));
      return success();
    },
  };
}

/** Parses and builds `update_remote_relationship`: the relationship must already exist. */
export function updateRelationshipCommand(type: string, backend: Backend, cursor: Cursor, profile: Profile): Command {
  const args = profile === "v2" ? parseCreateRelationship(cursor) : parseCreateRelationshipV1(cursor);
  return {
    type,
    modifiesMetadata: true,
    async run(tx: Tx) {
      const table = askTableInfo(tx, backend, args.source, args.table);
      askRemoteRelationship(tx, args.source, table, args.relationship.name);
      await tx.buildSchemaCacheFor(objectId(args, args.relationship.name), upsert(args));
      return success();
    },
  };
}

/** Parses and builds `delete_remote_relationship`; `bulk_atomic` accepts it. */
export function deleteRelationshipCommand(type: string, backend: Backend, cursor: Cursor): Command {
  const args = parseDeleteRelationship(cursor);
  const check = (tx: Tx): void => askRemoteRelationship(tx, args.source, askTableInfo(tx, backend, args.source, args.table), args.name);
  return {
    type,
    modifiesMetadata: true,
    async run(tx: Tx) {
      check(tx);
      await tx.buildSchemaCacheFor(objectId(args, args.name), remove(args));
      return success();
    },
    atomic: { check, apply: remove(args) },
  };
}
