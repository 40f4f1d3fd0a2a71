/**
 * A small JSON decoder that fails the way Hasura's aeson parsers fail: a message such as
 * `key "name" not found` plus the JSON path of the value at fault, as a `parse-failed` error.
 * Parsers walk the request with cursors so every failure knows where it happened.
 */
import { isJsonObject, type JsonObject, type JsonValue } from "../../model";
import { aesonTypeName } from "./aeson";
import { isParseFailure, parseFailed, type PathElement } from "./apiError";

/** A position in a JSON document: the value found there and the path that led to it. */
export class Cursor {
  constructor(
    readonly value: JsonValue | undefined,
    readonly path: readonly PathElement[] = [],
  ) {}

  /** Throws a parse failure at this position. */
  fail(message: string): never {
    throw parseFailed(this.path, message);
  }

  /** This value as an object; `name` is the type name aeson's `withObject` would report. */
  object(name: string): ObjectCursor {
    if (!isJsonObject(this.value)) {
      this.fail(`parsing ${name} failed, expected Object, but encountered ${aesonTypeName(this.value)}`);
    }
    return new ObjectCursor(this.value, this.path);
  }

  /** This value as a string. */
  text(): string {
    if (typeof this.value !== "string") {
      this.fail(`parsing Text failed, expected String, but encountered ${aesonTypeName(this.value)}`);
    }
    return this.value;
  }

  /** This value as a non-empty string (Hasura's `NonEmptyText`, used for names). */
  nonEmptyText(): string {
    const text = this.text();
    if (text === "") this.fail("empty string not allowed");
    return text;
  }

  /** This value as an integer. */
  integer(): number {
    if (typeof this.value !== "number") {
      this.fail(`parsing Int failed, expected Number, but encountered ${aesonTypeName(this.value)}`);
    }
    if (!Number.isInteger(this.value)) this.fail(`parsing Int failed, unexpected floating number ${this.value}`);
    return this.value;
  }

  /** This value as a boolean; `name` is the type aeson's `withBool` would report. */
  boolean(name = "Bool"): boolean {
    if (typeof this.value !== "boolean") {
      this.fail(`parsing ${name} failed, expected Boolean, but encountered ${aesonTypeName(this.value)}`);
    }
    return this.value;
  }

  /** This value as an array of cursors, one per element. */
  array(): Cursor[] {
    if (!Array.isArray(this.value)) {
      this.fail(`parsing [] failed, expected Array, but encountered ${aesonTypeName(this.value)}`);
    }
    return this.value.map((item, index) => new Cursor(item, [...this.path, index]));
  }
}

/** An object position: field access with aeson's `.:` and `.:?` semantics. */
export class ObjectCursor {
  constructor(
    readonly fields: JsonObject,
    readonly path: readonly PathElement[],
  ) {}

  /** Throws a parse failure at this object. */
  fail(message: string): never {
    throw parseFailed(this.path, message);
  }

  /** True when the key is present (even with a null value). */
  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.fields, key);
  }

  /** A required field (`.:`): a missing key fails at this object's path. */
  required(key: string): Cursor {
    if (!this.has(key)) this.fail(`key "${key}" not found`);
    return new Cursor(this.fields[key], [...this.path, key]);
  }

  /** An optional field (`.:?`): absent or null gives undefined. */
  optional(key: string): Cursor | undefined {
    const value = this.has(key) ? this.fields[key] : undefined;
    return value === undefined || value === null ? undefined : new Cursor(value, [...this.path, key]);
  }
}

/** Rewrites the message of any parse failure `action` throws (aeson's `modifyFailure`). */
export function modifyFailure<T>(change: (message: string) => string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (isParseFailure(error)) throw parseFailed(error.path, change(error.error));
    throw error;
  }
}

/** Prefixes any parse failure inside `action` with `detail`, as aeson's `prependFailure` does. */
export function prependFailure<T>(detail: string, action: () => T): T {
  return modifyFailure((message) => detail + message, action);
}
