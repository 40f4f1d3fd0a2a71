import type * as dynamic from "@pulumi/pulumi/dynamic";
import { relationshipProvider, type RelationshipOutputs } from "../../relationshipProvider";
import { remoteRelationship, type RemoteRelationshipInputs } from "./index";

/** The resource's outputs: every input under the same name, canonical, and Hasura's reason when it is inconsistent. */
export type RemoteRelationshipOutputs = RelationshipOutputs<RemoteRelationshipInputs>;

/** The dynamic provider behind `RemoteRelationship`. */
export const remoteRelationshipProvider = relationshipProvider(remoteRelationship) satisfies dynamic.ResourceProvider<
  RemoteRelationshipInputs,
  RemoteRelationshipOutputs
>;
