/**
 * The remote field tree of a relationship to a remote schema, as Hasura's `remote_field` holds it:
 * `{user: {arguments: {id: "$id"}, field: {posts: {arguments: {}}}}}`, one field name per level.
 */
import { canonicalJsonObject, type JsonValue } from "./json";

/** The arguments of one level: argument names to GraphQL values written as JSON (`"$column"` is a join variable). */
export type RemoteArguments = { readonly [argument: string]: JsonValue };

/** One level of a remote field tree: the arguments of this field and, optionally, the next level. A type (not an interface), so that it is JSON. */
export type RemoteFieldCall = {
  readonly arguments: RemoteArguments;
  readonly field?: RemoteField;
};

/** A remote field tree: exactly one field name per level (a rule checks it), ending at the joined remote field. */
export interface RemoteField {
  readonly [fieldName: string]: RemoteFieldCall;
}

/** One level of the tree, with the path that leads to it from the root (`[]`, then `["user", "field"]`, ...). */
export interface RemoteFieldLevel {
  readonly path: readonly string[];
  readonly field: RemoteField;
}

/** One field of the tree: its name, its arguments, and the path to its name from the root. */
export interface RemoteFieldStep {
  readonly name: string;
  readonly arguments: RemoteArguments;
  readonly path: readonly string[];
}

/** Every level of the tree, root first. A level with several names (which a rule refuses) leads to each of their levels. */
export function remoteFieldLevels(root: RemoteField): RemoteFieldLevel[] {
  const levels: RemoteFieldLevel[] = [];
  const pending: RemoteFieldLevel[] = [{ path: [], field: root }];
  for (let level = pending.shift(); level !== undefined; level = pending.shift()) {
    levels.push(level);
    for (const [name, call] of Object.entries(level.field)) {
      if (call.field !== undefined) pending.push({ path: [...level.path, name, "field"], field: call.field });
    }
  }
  return levels;
}

/** Every field of the tree, root first (`user`, then `user.field.posts`, ...). */
export function remoteFieldSteps(root: RemoteField): RemoteFieldStep[] {
  return remoteFieldLevels(root).flatMap((level) =>
    Object.entries(level.field).map(([name, call]) => ({ name, arguments: call.arguments, path: [...level.path, name] })),
  );
}

/** The tree a list of `{name, arguments}` levels stands for, first level outermost. */
export function remoteFieldOf(levels: readonly { readonly name: string; readonly arguments: RemoteArguments }[]): RemoteField {
  let tree: RemoteField | undefined;
  for (const level of [...levels].reverse()) {
    const call: RemoteFieldCall = tree === undefined ? { arguments: level.arguments } : { arguments: level.arguments, field: tree };
    tree = { [level.name]: call };
  }
  if (tree === undefined) throw new Error("A remote field needs at least one level.");
  return tree;
}

/** The tree in canonical form: names and argument keys sorted at every depth, and no `field` key where there is no next level. */
export function canonicalRemoteField(field: RemoteField): RemoteField {
  const result: { [name: string]: RemoteFieldCall } = {};
  for (const name of Object.keys(field).sort()) {
    const call = field[name];
    const args = canonicalJsonObject(call.arguments);
    const next = call.field;
    Object.defineProperty(result, name, {
      value: next === undefined ? { arguments: args } : { arguments: args, field: canonicalRemoteField(next) },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}
