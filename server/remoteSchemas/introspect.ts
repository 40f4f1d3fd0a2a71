/**
 * Introspects a remote GraphQL server as Hasura does when a remote schema is added or reloaded:
 * POST the standard introspection query to the definition's URL (or the URL in the environment
 * variable it names), with its headers, and build a schema from the answer. Failures are
 * `remote-schema-error`s with Hasura's messages.
 */
import { getIntrospectionQuery } from "graphql";
import { isJsonObject, schemaFromIntrospection, type JsonObject, type JsonValue } from "../../model";
import { dquote } from "../base/aeson";
import { err400 } from "../base/apiError";
import type { IntrospectedSchema } from "../engine/state";

function resolveUrl(definition: JsonObject): { url: string; shown: string } {
  if (typeof definition.url === "string") return { url: definition.url, shown: definition.url };
  const variable = typeof definition.url_from_env === "string" ? definition.url_from_env : "";
  const url = process.env[variable];
  if (url === undefined) throw err400("invalid-params", `environment variable ${dquote(variable)} not set`);
  // Hasura names the variable, not its value, so secrets in URLs stay out of messages.
  return { url, shown: variable };
}

function resolveHeaders(definition: JsonObject): Record<string, string> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const list = Array.isArray(definition.headers) ? definition.headers : [];
  for (const header of list) {
    if (!isJsonObject(header) || typeof header.name !== "string") continue;
    if (typeof header.value === "string") headers[header.name] = header.value;
    else if (typeof header.value_from_env === "string") headers[header.name] = process.env[header.value_from_env] ?? "";
  }
  return headers;
}

async function post(url: string, shown: string, definition: JsonObject): Promise<JsonValue> {
  const seconds = typeof definition.timeout_seconds === "number" ? definition.timeout_seconds : 60;
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: resolveHeaders(definition),
      body: JSON.stringify({ query: getIntrospectionQuery() }),
      signal: AbortSignal.timeout(seconds * 1000),
    });
  } catch {
    throw err400("remote-schema-error", `HTTP exception occurred while sending the request to ${dquote(shown)}`);
  }
  const text = await response.text();
  if (response.status !== 200) {
    throw err400("remote-schema-error", `introspection query to ${dquote(shown)} has responded with ${response.status} status code`);
  }
  try {
    const answer: JsonValue = JSON.parse(text);
    return answer;
  } catch {
    throw err400("remote-schema-error", `Invalid JSON in the introspection response from ${dquote(shown)}`);
  }
}

/** Introspects the remote schema `definition` points at; throws a `remote-schema-error` when it cannot. */
export async function introspectRemoteSchema(_name: string, definition: JsonObject): Promise<IntrospectedSchema> {
  const { url, shown } = resolveUrl(definition);
  const raw = await post(url, shown, definition);
  const data = isJsonObject(raw) ? raw.data : undefined;
  if (!isJsonObject(data)) throw err400("remote-schema-error", `The introspection response from ${dquote(shown)} has no data`);
  const built = schemaFromIntrospection(raw);
  if (!built.ok) throw err400("remote-schema-error", `Invalid introspection result from ${dquote(shown)}: ${built.reason}`);
  return { schema: built.schema, raw, definition: structuredClone(definition) };
}
