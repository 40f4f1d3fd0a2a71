import { tableText, validateToRemoteSchema } from "../../../model";
import type { RuleIssue } from "../../rules/rule";
import type { FixPlaces } from "../../validation/fixes";
import { liveValidationApplies, refusal, remoteSchemaOf, remoteSchemaRefusal, type LiveValidationScope } from "../../validation/liveValidation";
import { formatRelationshipId } from "./id";
import { targetOf, type RemoteRelationshipInputs } from "./schema";

/** Where this resource keeps what a fix names. */
const places: FixPlaces = {
  remoteSchema: "remoteSchema",
  remoteField: "remoteField",
  joinFields: "hasuraFields",
  joinFieldsAre: "columns or computed fields of the table",
};

/**
 * What Hasura would refuse in a `RemoteRelationship`'s canonical inputs, checked against the remote
 * schema it joins: none when the scope leaves it out, an input it needs is unknown, or Hasura cannot
 * be asked. The table's columns are not visible through the metadata API, so `hasuraFields` is only
 * checked for what the remote schema says of it.
 */
export async function liveChecks(inputs: RemoteRelationshipInputs, scope: LiveValidationScope): Promise<RuleIssue[]> {
  if (!liveValidationApplies(inputs, scope, ["endpoint", "name", "table", "hasuraFields", "remoteSchema", "remoteField"])) return [];
  const target = targetOf(inputs);
  if (target.kind !== "toRemoteSchema") return [];
  const table = tableText(inputs.table);
  const inconsistency = (text: string) =>
    `Inconsistent object: in table ${JSON.stringify(table)}: in remote relationship ${JSON.stringify(inputs.name)}: ${text}`;
  const context = { operation: "check", resource: { noun: "remote relationship", id: formatRelationshipId(inputs) } };
  const schema = await remoteSchemaOf(inputs.endpoint, target.remoteSchema, context);
  if (schema === undefined) return [];
  if (schema === "missing") {
    return [
      refusal(
        "RemoteSchemaNotFound",
        ["remoteSchema"],
        inconsistency(`remote schema with name ${JSON.stringify(target.remoteSchema)} not found`),
        "Add the remote schema to Hasura first, or fix remoteSchema.",
      ),
    ];
  }
  const failure = validateToRemoteSchema(target, inputs.name, { identifier: table }, schema);
  if (failure === undefined) return [];
  // The shared rules speak Hasura's names; this resource calls lhs_fields hasuraFields.
  const path = failure.path.map((segment, index) => (index === 0 && segment === "lhsFields" ? "hasuraFields" : segment));
  return [remoteSchemaRefusal(failure, path, inconsistency, schema, places)];
}
