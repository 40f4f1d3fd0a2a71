// A project of your own: the package installed from npm, the relationships declared in TypeScript, one
// stack per Hasura. `pulumi up --stack dev` runs it. Every stack sets `hasura:endpoint` and the secret
// `hasura:adminSecret`; the `relationships:*` keys show what a change of inputs does (see README.md).
import * as pulumi from "@pulumi/pulumi";
import { RemoteRelationship } from "pulumi-hasura-remote-relationships";

const config = new pulumi.Config("relationships");

/** users.messages: each user's messages, from the remote schema "messages". */
const userMessages = new RemoteRelationship("user-messages", {
  // relationships:messagesName renames the relationship: another relationship, so a replacement.
  name: config.get("messagesName") ?? "messages",
  table: "users",
  hasuraFields: ["id"],
  remoteSchema: "messages",
  // relationships:messagesQuery=filter joins another field of the remote schema: an update in place.
  remoteField:
    config.get("messagesQuery") === "filter"
      ? { messages: { arguments: { where: { userId: { eq: "$id" } }, limit: 20 } } }
      : { messagesByUser: { arguments: { userId: "$id" } } },
});

/** users.team: each user's team, from the remote schema "teams". */
const userTeam = new RemoteRelationship("user-team", {
  name: "team",
  table: { schema: "public", name: "users" },
  hasuraFields: ["team_id"],
  remoteSchema: "teams",
  remoteField: { team: { arguments: { id: "$team_id" } } },
});

export const relationshipIds = [userMessages.id, userTeam.id];
