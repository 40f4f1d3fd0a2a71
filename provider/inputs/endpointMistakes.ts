/**
 * Endpoints that are URLs but not Hasura's base URL, each with its fix in one wording, for the
 * provider's `check` and the generator's `--endpoint` alike.
 */

/**
 * Hasura's own routes, under the base URL. An endpoint ending in one of them is a URL copied from the
 * console or the GraphQL client: the provider would send `/v1/metadata` beneath it and Hasura would
 * answer 404, or a proxy something that is not Hasura's answer.
 */
const hasuraRoutes = ["/v1/graphql", "/v1beta1/relay", "/v1/metadata", "/v1/query", "/v2/query", "/v1/version", "/healthz", "/console"];

/** The mistake when `value` ends in one of Hasura's own routes, with the base URL to give instead; undefined otherwise. */
export function hasuraRouteMistake(what: string, value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  const path = url.pathname.replace(/\/+$/, "");
  const route = hasuraRoutes.find((candidate) => path.toLowerCase().endsWith(candidate));
  if (route === undefined) return undefined;
  const base = `${url.origin}${path.slice(0, path.length - route.length)}`;
  return `${what} ${JSON.stringify(shortened(value))} ends in Hasura's own route ${route}: give Hasura's base URL, without the route, such as ${JSON.stringify(shortened(base))}.`;
}

/**
 * The mistake when `value` names a port that is not a TCP port (1 to 65535): 0, a negative one, one
 * too large or not a number; undefined otherwise. Read from the text, since a URL with a port out of
 * range is no URL at all to the URL parser, and port 0 is one it takes.
 */
export function endpointPortMistake(what: string, value: string): string | undefined {
  const authority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]/?#]*\]|[^:/?#]*)(?::([^/?#]*))?/.exec(value.trim());
  const port = authority?.[2];
  if (port === undefined || port === "") return undefined;
  if (/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535) return undefined;
  return `${what} ${JSON.stringify(shortened(value))} names port ${JSON.stringify(shortened(port))}, which is not a TCP port (1 to 65535). Give the port Hasura listens on, such as "http://localhost:8080".`;
}

function shortened(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, 80)}...`;
}
