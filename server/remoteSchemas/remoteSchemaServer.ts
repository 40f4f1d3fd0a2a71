/**
 * A real GraphQL-over-HTTP server built from SDL, standing in for a remote schema: it answers
 * introspection and queries (POST JSON `{query, variables, operationName}`) with made-up but
 * type-correct data, so Hasura-style introspection and simple joins work against it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  buildSchema,
  graphql,
  isEnumType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLTypeResolver,
} from "graphql";
import { isJsonObject } from "../../model";

/** A running remote schema server. */
export interface RunningRemoteSchemaServer {
  url: string;
  /**
   * Serves `sdl` from now on, at the same URL, as when a remote schema's owners deploy a new
   * version. Throws when the SDL is not a schema, and then keeps the old one.
   */
  setSdl(sdl: string): void;
  stop(): Promise<void>;
}

function scalarValue(name: string, fieldName: string, args: Record<string, unknown>): unknown {
  // Echo an `id` argument so a join on `user(id: $id)` answers the id it was asked for.
  const id = args.id;
  switch (name) {
    case "Int":
      return typeof id === "number" && fieldName === "id" ? id : 1;
    case "Float":
      return 1.5;
    case "Boolean":
      return true;
    case "ID":
      return id !== undefined && fieldName === "id" ? String(id) : "1";
    default:
      return `${fieldName}-1`;
  }
}

function fabricate(type: GraphQLOutputType, fieldName: string, args: Record<string, unknown>): unknown {
  if (isNonNullType(type)) return fabricate(type.ofType, fieldName, args);
  if (isListType(type)) return [fabricate(type.ofType, fieldName, {}), fabricate(type.ofType, fieldName, {})];
  if (isScalarType(type)) return scalarValue(type.name, fieldName, args);
  if (isEnumType(type)) return type.getValues()[0]?.value ?? null;
  // Objects, interfaces and unions: an empty record whose fields are fabricated in turn, carrying
  // the arguments that selected it so ids flow down to `id` fields.
  return { __args: args };
}

const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, _context, info) => {
  const parentArgs = isJsonObject(source) && isJsonObject(source.__args) ? source.__args : {};
  const effective = Object.keys(args).length > 0 ? args : parentArgs;
  return fabricate(info.returnType, info.fieldName, effective);
};

const typeResolver: GraphQLTypeResolver<unknown, unknown> = (_value, _context, info, abstractType) => info.schema.getPossibleTypes(abstractType)[0]?.name;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

/** Starts a GraphQL server for `sdl` on `host:port` (default 127.0.0.1 and a free port). */
export async function startRemoteSchemaServer(sdl: string, options: { port?: number; host?: string } = {}): Promise<RunningRemoteSchemaServer> {
  let schema = buildSchema(sdl);
  const server = createServer((request, response) => {
    void (async () => {
      if (request.method !== "POST") return send(response, 405, { errors: [{ message: "only POST is supported" }] });
      let payload: unknown;
      try {
        payload = JSON.parse(await readBody(request));
      } catch {
        return send(response, 400, { errors: [{ message: "invalid JSON body" }] });
      }
      if (!isJsonObject(payload) || typeof payload.query !== "string") return send(response, 400, { errors: [{ message: "missing query" }] });
      const variableValues = isJsonObject(payload.variables) ? payload.variables : undefined;
      const operationName = typeof payload.operationName === "string" ? payload.operationName : undefined;
      const result = await graphql({ schema, source: payload.query, variableValues, operationName, fieldResolver, typeResolver });
      send(response, 200, result);
    })().catch((error: unknown) => send(response, 500, { errors: [{ message: String(error) }] }));
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/graphql`,
    setSdl: (next) => {
      schema = buildSchema(next);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
