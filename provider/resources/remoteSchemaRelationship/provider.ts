import type * as dynamic from "@pulumi/pulumi/dynamic";
import { relationshipProvider, type RelationshipOutputs } from "../../relationshipProvider";
import { remoteSchemaRelationship, type RemoteSchemaRelationshipInputs } from "./index";

/** The resource's outputs: every input under the same name, canonical, and Hasura's reason when it is inconsistent. */
export type RemoteSchemaRelationshipOutputs = RelationshipOutputs<RemoteSchemaRelationshipInputs>;

/** The dynamic provider behind `RemoteSchemaRelationship`. */
export const remoteSchemaRelationshipProvider = relationshipProvider(remoteSchemaRelationship) satisfies dynamic.ResourceProvider<
  RemoteSchemaRelationshipInputs,
  RemoteSchemaRelationshipOutputs
>;
