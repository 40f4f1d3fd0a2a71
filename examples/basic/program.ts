import * as pulumi from "@pulumi/pulumi";
import { RemoteRelationship } from "../../sdk";

/**
 * The example: a `users` table joined to two remote schemas. Each stack sets `hasura:endpoint` and
 * the secret `hasura:adminSecret`; the `example:*` keys show what a change of inputs does:
 * `example:messagesQuery` = `filter` changes the join in place, `example:messagesName` renames the
 * relationship, which replaces it.
 */
export function exampleProgram() {
  const config = new pulumi.Config("example");
  const userMessages = new RemoteRelationship("user-messages", {
    name: config.get("messagesName") ?? "messages",
    table: "users",
    hasuraFields: ["id"],
    remoteSchema: "messages",
    remoteField:
      config.get("messagesQuery") === "filter"
        ? { messages: { arguments: { where: { userId: { eq: "$id" } }, limit: 20 } } }
        : { messagesByUser: { arguments: { userId: "$id" } } },
  });
  const userTeam = new RemoteRelationship("user-team", {
    name: "team",
    table: { schema: "public", name: "users" },
    hasuraFields: ["team_id"],
    remoteSchema: "teams",
    remoteField: { team: { arguments: { id: "$team_id" } } },
  });
  return { relationships: [userMessages.id, userTeam.id] };
}
