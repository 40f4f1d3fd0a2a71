/**
 * The size of a stack's state, from `pulumi stack export` (the CLI prints it as JSON indented by four
 * spaces, which `JSON.stringify(state, null, 4)` reproduces byte for byte): in total and per resource,
 * what each resource's own entry adds, and what `__provider` takes of it.
 */
import { round } from "./measure";
import type { StateFigures } from "./results";

interface ExportedResource {
  readonly type: string;
  readonly inputs?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
}

interface ExportedState {
  readonly deployment: { resources?: ExportedResource[] };
}

/** Sizes `exported` (the text `pulumi stack export` printed), counting the resources whose type ends with `typeSuffix`. */
export function stateFigures(exported: string, typeSuffix: string): StateFigures {
  const state = JSON.parse(exported) as ExportedState;
  const all = state.deployment.resources ?? [];
  const measured = all.filter((resource) => resource.type.endsWith(typeSuffix));
  const without: ExportedState = { ...state, deployment: { ...state.deployment, resources: all.filter((resource) => !measured.includes(resource)) } };
  const totalBytes = Buffer.byteLength(exported);
  const providerBytes = measured.reduce((sum, resource) => sum + bytesOf(resource.inputs?.__provider) + bytesOf(resource.outputs?.__provider), 0);
  const per = (bytes: number) => (measured.length === 0 ? 0 : round(bytes / measured.length, 1));
  return {
    totalBytes,
    resources: measured.length,
    bytesPerResource: per(totalBytes),
    entryBytesPerResource: per(totalBytes - Buffer.byteLength(`${JSON.stringify(without, null, 4)}\n`)),
    compactEntryBytesPerResource: per(measured.reduce((sum, resource) => sum + Buffer.byteLength(JSON.stringify(resource)), 0)),
    providerBytesPerResource: per(providerBytes),
  };
}

function bytesOf(value: unknown): number {
  return value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value));
}
