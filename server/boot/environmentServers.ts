/**
 * Starts the remote schema servers an environment names, reusing the ports of an earlier run
 * where possible so that metadata kept in a data directory still points at them.
 */
import type { Environment } from "./environment";
import { startRemoteSchemaServer, type RunningRemoteSchemaServer } from "../remoteSchemas/remoteSchemaServer";

function portOf(url: string | undefined): number | undefined {
  if (url === undefined) return undefined;
  const port = Number(new URL(url).port);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

async function startOne(sdl: string, host: string, port: number | undefined): Promise<RunningRemoteSchemaServer> {
  if (port === undefined) return startRemoteSchemaServer(sdl, { host });
  try {
    return await startRemoteSchemaServer(sdl, { host, port });
  } catch {
    // The old port is taken; a fresh one is fine, the caller rewrites the stored URL.
    return startRemoteSchemaServer(sdl, { host });
  }
}

/** Starts one server per environment remote schema; `previous` maps names to URLs of an earlier run. */
export async function startEnvironmentServers(
  environment: Environment | undefined,
  previous: Record<string, string> = {},
): Promise<Map<string, RunningRemoteSchemaServer>> {
  const servers = new Map<string, RunningRemoteSchemaServer>();
  try {
    for (const { name, sdl } of environment?.remoteSchemas ?? []) {
      servers.set(name, await startOne(sdl, "127.0.0.1", portOf(previous[name])));
    }
  } catch (error) {
    await Promise.all([...servers.values()].map((server) => server.stop()));
    throw error;
  }
  return servers;
}
