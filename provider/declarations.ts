/**
 * Which resource of the program declares which relationship, so that two declaring the same one are
 * refused at `check`: Hasura holds one relationship under an ID, so two resources would overwrite each
 * other's definition at every `up`, and removing either would delete what the other still manages.
 *
 * `check` gets no URN from the dynamic provider host, so the resource passes its name under a reserved
 * input (sdk/engineProps.ts), which `check` removes before anything else sees the inputs. The engine
 * checks every resource of a run in one provider host process; the same resource checked again (a
 * preview and then the update in one process, or a replacement) has the same name, not a duplicate.
 * Names are unique per resource type and parent type in a stack; two resources of one name under
 * parents of different types are taken for one, so a duplicate between exactly those goes unseen.
 */
import { capitalized } from "./subject";

/** The reserved input holding the name of the resource that declares the relationship. */
export const declaredByKey = "__declaredBy";

/** A relationship in one place: the endpoint in canonical form, the kind's noun and the ID. */
export interface Declared {
  readonly endpoint: string;
  readonly noun: string;
  readonly id: string;
}

/** The relationships declared so far in this process, by the name of the resource that declares each. */
export class Declarations {
  private readonly byRelationship = new Map<string, string>();
  private readonly byResource = new Map<string, string>();

  /**
   * Records that the resource named `resource` declares `relationship`; answers the name of another
   * resource that declared it already, if one did (that one keeps it).
   */
  declare(relationship: Declared, resource: string): string | undefined {
    const key = JSON.stringify([relationship.endpoint, relationship.noun, relationship.id]);
    const holder = this.byRelationship.get(key);
    if (holder !== undefined && holder !== resource) return holder;
    // A resource whose inputs changed within the process no longer declares what it declared before.
    const before = this.byResource.get(resource);
    if (before !== undefined && before !== key) this.byRelationship.delete(before);
    this.byRelationship.set(key, resource);
    this.byResource.set(resource, key);
    return undefined;
  }
}

/** The resource name in the reserved input, when it holds one (an older SDK sends none). */
export function declaringResource(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The message of a relationship declared twice, naming both resources. */
export function declaredTwice(relationship: Declared, first: string, second: string): string {
  return (
    `${capitalized(relationship.noun)} "${relationship.id}" at ${relationship.endpoint} is declared twice in this program: by resources "${first}" and "${second}". ` +
    "Hasura holds one relationship under this ID, so each would overwrite the other, and removing one would delete the relationship the other still manages. " +
    "Remove one of them, or give them different names."
  );
}
