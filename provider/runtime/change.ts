/** What the write path needs to know of one relationship's change: each resource kind makes its own. */
import type { DocumentEdit, HeldRelationship, MetadataDocument } from "../../model";
import type { CallContext, Fixes } from "../hasura/errors";
import type { ApiMode, HasuraRequest, Write } from "../hasura/requests";
import type { Step } from "../plans";
import type { CommandClass } from "./writeCosts";

/** One relationship's change: where it is in the metadata, what to do, and how to say it to Hasura. */
export interface Change {
  /** The operation and the resource, as failures name them. */
  readonly context: CallContext;
  /** Which commands cost Hasura what this change's own command costs. */
  readonly commandClass: CommandClass;
  /** What Hasura holds for this relationship in a metadata document. */
  find(metadata: MetadataDocument): HeldRelationship | undefined;
  /** The next step, from what Hasura holds under the relationship's name and in the whole metadata. */
  plan(held: HeldRelationship | undefined, metadata: MetadataDocument): Step;
  /** The request for a write on its own, in the endpoint's API, given the metadata it was planned on. */
  request(mode: ApiMode, write: Write, resourceVersion: number | undefined, metadata: MetadataDocument): HasuraRequest;
  /** The document with the write folded in, for a whole-document write. */
  edit(metadata: MetadataDocument, write: Write): DocumentEdit;
  /** What the user can change when Hasura refuses `write`, by Hasura's code, in this resource's own properties. */
  fixes(write: Write): Fixes;
}
