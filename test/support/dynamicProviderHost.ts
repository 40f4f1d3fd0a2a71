import * as grpc from "@grpc/grpc-js";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { nodeBinary } from "../../scripts/pulumiCli";

type Props = Record<string, unknown>;

/** The engine's side of the provider protocol, spoken to `@pulumi/pulumi/cmd/dynamic-provider` over gRPC. */
export interface DynamicProviderHost {
  readonly stderr: string[];
  configure(config: Props): Promise<void>;
  check(olds: Props, news: Props): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }>;
  diff(id: string, olds: Props, news: Props): Promise<{ changes: number; replaces: string[]; deleteBeforeReplace: boolean }>;
  create(properties: Props): Promise<{ id: string; properties: Props }>;
  read(id: string, properties: Props, inputs?: Props): Promise<{ id: string; properties: Props; inputs: Props }>;
  update(id: string, olds: Props, news: Props): Promise<Props>;
  delete(id: string, properties: Props): Promise<void>;
  /** Ends the engine's side as a killed CLI does (its gRPC server goes away); the host is left running. */
  killEngine(): void;
  /** Settles with the host's exit code once it has exited. */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

const urn = "urn:pulumi:dev::e2e::pulumi-nodejs:dynamic/hasura:RemoteRelationship::rel";

/**
 * Starts the project's dynamic provider host, as the engine would, and connects to it. The engine's own
 * gRPC server, whose address the host is given, is a server with no services: the host can tell it is
 * there (every call is answered "unimplemented"), as it can tell when it is gone.
 */
export async function startDynamicProviderHost(env: Record<string, string> = {}): Promise<DynamicProviderHost> {
  const engine = new grpc.Server();
  const enginePort = await new Promise<number>((resolve, reject) =>
    engine.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))),
  );
  const child: ChildProcess = spawn(nodeBinary(), [require.resolve("@pulumi/pulumi/cmd/dynamic-provider"), `127.0.0.1:${enginePort}`], {
    env: { ...process.env, PULUMI_NODEJS_PROJECT: "e2e", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stderr: string[] = [];
  child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const [first] = (await once(child.stdout!, "data")) as [Buffer];
  const port = Number.parseInt(first.toString().trim(), 10);
  const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());

  const call = <Req, Res>(method: string, request: Req): Promise<Res> =>
    new Promise((resolve, reject) => {
      const fn = (client as unknown as Record<string, (req: Req, cb: (error: grpc.ServiceError | null, response: Res) => void) => void>)[method];
      fn.call(client, request, (error, response) => (error ? reject(error) : resolve(response)));
    });
  const struct = (value: Props) => structproto.Struct.fromJavaScript(value as Record<string, structproto.JavaScriptValue>);

  return {
    stderr,
    configure: async (config) => {
      await call("configure", new provproto.ConfigureRequest().setArgs(struct(config)));
    },
    check: async (olds, news) => {
      const response = await call<provproto.CheckRequest, provproto.CheckResponse>(
        "check",
        new provproto.CheckRequest().setUrn(urn).setOlds(struct(olds)).setNews(struct(news)),
      );
      return {
        inputs: (response.getInputs()?.toJavaScript() ?? {}) as Props,
        failures: response.getFailuresList().map((failure) => ({ property: failure.getProperty(), reason: failure.getReason() })),
      };
    },
    diff: async (id, olds, news) => {
      const response = await call<provproto.DiffRequest, provproto.DiffResponse>(
        "diff",
        new provproto.DiffRequest().setId(id).setUrn(urn).setOlds(struct(olds)).setNews(struct(news)),
      );
      return { changes: response.getChanges(), replaces: response.getReplacesList(), deleteBeforeReplace: response.getDeletebeforereplace() };
    },
    create: async (properties) => {
      const response = await call<provproto.CreateRequest, provproto.CreateResponse>(
        "create",
        new provproto.CreateRequest().setUrn(urn).setProperties(struct(properties)),
      );
      return { id: response.getId(), properties: (response.getProperties()?.toJavaScript() ?? {}) as Props };
    },
    read: async (id, properties, inputs) => {
      const request = new provproto.ReadRequest().setId(id).setUrn(urn).setProperties(struct(properties));
      if (inputs) request.setInputs(struct(inputs));
      const response = await call<provproto.ReadRequest, provproto.ReadResponse>("read", request);
      return {
        id: response.getId(),
        properties: (response.getProperties()?.toJavaScript() ?? {}) as Props,
        inputs: (response.getInputs()?.toJavaScript() ?? {}) as Props,
      };
    },
    update: async (id, olds, news) => {
      const response = await call<provproto.UpdateRequest, provproto.UpdateResponse>(
        "update",
        new provproto.UpdateRequest().setId(id).setUrn(urn).setOlds(struct(olds)).setNews(struct(news)),
      );
      return (response.getProperties()?.toJavaScript() ?? {}) as Props;
    },
    delete: async (id, properties) => {
      await call("delete", new provproto.DeleteRequest().setId(id).setUrn(urn).setProperties(struct(properties)));
    },
    killEngine: () => engine.forceShutdown(),
    exited,
    stop: async () => {
      client.close();
      engine.forceShutdown();
      child.kill();
      await exited;
    },
  };
}

/** The diff answers as the protocol numbers them. */
export const diffChanges = {
  unknown: provproto.DiffResponse.DiffChanges.DIFF_UNKNOWN,
  none: provproto.DiffResponse.DiffChanges.DIFF_NONE,
  some: provproto.DiffResponse.DiffChanges.DIFF_SOME,
};
