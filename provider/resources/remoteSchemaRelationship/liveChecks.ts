import { objectTypeNames, remoteSchemaTypeJoinFields, validateToRemoteSchema } from "../../../model";
import { quote, quotedList } from "../../inputs/messageText";
import { containsUnknown } from "../../inputs/unknowns";
import type { RuleIssue } from "../../rules/rule";
import { databasesAt } from "../../validation/databases";
import type { FixPlaces } from "../../validation/fixes";
import { typeJoinSide } from "../../validation/joinSide";
import { liveValidationApplies, refusal, remoteSchemaOf, remoteSchemaRefusal, type LiveValidationScope } from "../../validation/liveValidation";
import { toSourceIssues } from "../../validation/toSourceChecks";
import { formatRemoteSchemaRelationshipId } from "./id";
import { targetOf, type RemoteSchemaRelationshipInputs } from "./schema";

/**
 * What Hasura would refuse in a `RemoteSchemaRelationship`'s canonical inputs: its type exists in its
 * remote schema and can carry a relationship; then, for a remote schema target, the join fields are
 * the type's and the remote field tree fits the target remote schema; for a database target, its
 * source, table and mapping (keys the type's fields, values the table's columns).
 */
export async function liveChecks(inputs: RemoteSchemaRelationshipInputs, scope: LiveValidationScope): Promise<RuleIssue[]> {
  if (!liveValidationApplies(inputs, scope, ["endpoint", "remoteSchema", "typeName", "name", "toRemoteSchema", "toSource"])) return [];
  const target = targetOf(inputs);
  const id = formatRemoteSchemaRelationshipId(inputs);
  const inconsistency = (text: string) => `Inconsistent object: in remote relationship ${quote(inputs.name)}: ${text}`;
  const context = { operation: "check", resource: { noun: "remote schema relationship", id } };
  const own = await remoteSchemaOf(inputs.endpoint, inputs.remoteSchema, context);
  if (own.kind === "skipped") return [];
  if (own.kind === "refused") return [own.issue];
  if (own.kind === "missing") {
    return [
      refusal(
        "RemoteSchemaNotFound",
        ["remoteSchema"],
        `remote schema with name ${JSON.stringify(inputs.remoteSchema)} does not exist`,
        "Add the remote schema to Hasura first, or fix remoteSchema.",
      ),
    ];
  }
  const joinable = remoteSchemaTypeJoinFields(own.schema, inputs.remoteSchema, inputs.typeName);
  if (!joinable.ok) {
    const code = own.schema.getType(inputs.typeName) ? "not-object-type" : "no-such-type";
    const fix = `Use an object type of remote schema ${JSON.stringify(inputs.remoteSchema)} in typeName: ${quotedList(objectTypeNames(own.schema))}.`;
    return [refusal(code, ["typeName"], inconsistency(joinable.reason), fix)];
  }
  if (target.kind === "toSource") {
    if (containsUnknown(inputs.toSource)) return [];
    const databases = await databasesAt(inputs.endpoint, context);
    if (databases.kind === "refused") return [databases.issue];
    if (databases.kind === "skipped") return [];
    return toSourceIssues(databases.databases, target, typeJoinSide(inputs.typeName, joinable.fields), inconsistency, {
      noun: "remote schema relationship",
      id,
    });
  }
  const answer = await remoteSchemaOf(inputs.endpoint, target.remoteSchema, context);
  if (answer.kind === "skipped") return [];
  if (answer.kind === "refused") return [answer.issue];
  if (answer.kind === "missing") {
    return [
      refusal(
        "RemoteSchemaNotFound",
        ["toRemoteSchema", "remoteSchema"],
        inconsistency(`remote schema with name ${JSON.stringify(target.remoteSchema)} not found`),
        "Add the remote schema to Hasura first, or fix toRemoteSchema.remoteSchema.",
      ),
    ];
  }
  const failure = validateToRemoteSchema(target, inputs.name, { identifier: inputs.remoteSchema, joinFields: joinable.fields }, answer.schema);
  if (failure === undefined) return [];
  const places: FixPlaces = {
    remoteSchema: "toRemoteSchema.remoteSchema",
    remoteField: "toRemoteSchema.remoteField",
    joinFields: "toRemoteSchema.lhsFields",
    joinFieldsAre: `fields of type ${JSON.stringify(inputs.typeName)}`,
  };
  return [remoteSchemaRefusal(failure, ["toRemoteSchema", ...failure.path], inconsistency, answer.schema, places)];
}
