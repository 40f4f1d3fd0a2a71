import * as pulumi from "@pulumi/pulumi";
import { RemoteRelationship, RemoteSchemaRelationship } from "../../sdk";

/** The remote field tree of "messages" for each value of `example:messagesQuery`. */
const messagesQueries = {
  byUser: { messagesByUser: { arguments: { userId: "$id" } } },
  filter: { messages: { arguments: { where: { userId: { eq: "$id" } }, limit: 20 } } },
  // An argument the remote schema does not have: `pulumi preview` refuses it with Hasura's reason.
  typo: { messagesByUser: { arguments: { user_id: "$id" } } },
};

/**
 * The example, one relationship of each kind: table `users` joined to two remote schemas, to table
 * `orders` (Hasura's to_source), and remote schema `teams`' type `Team` joined back to `users`. Each
 * stack sets `hasura:endpoint` and the secret `hasura:adminSecret`; the `example:*` keys show what a
 * change of inputs does: `example:messagesQuery` = `filter` changes the join in place (`typo` is a
 * mistake preview catches), `example:messagesName` renames the relationship, which replaces it.
 */
export function exampleProgram() {
  const config = new pulumi.Config("example");
  const userMessages = new RemoteRelationship("user-messages", {
    name: config.get("messagesName") ?? "messages",
    table: "users",
    hasuraFields: ["id"],
    remoteSchema: "messages",
    remoteField: messagesQueries[(config.get("messagesQuery") ?? "byUser") as keyof typeof messagesQueries] ?? messagesQueries.byUser,
  });
  const userTeam = new RemoteRelationship("user-team", {
    name: "team",
    table: { schema: "public", name: "users" },
    hasuraFields: ["team_id"],
    remoteSchema: "teams",
    remoteField: { team: { arguments: { id: "$team_id" } } },
  });
  const userOrders = new RemoteRelationship("user-orders", {
    name: "orders",
    table: "users",
    toSource: { relationshipType: "array", source: "default", table: "orders", fieldMapping: { id: "user_id" } },
  });
  const teamMembers = new RemoteSchemaRelationship("team-members", {
    remoteSchema: "teams",
    typeName: "Team",
    name: "members",
    toSource: { relationshipType: "array", source: "default", table: "users", fieldMapping: { id: "team_id" } },
  });
  return { relationships: [userMessages.id, userTeam.id, userOrders.id, teamMembers.id] };
}
