/**
 * Resource IDs are the key's parts, each URI-encoded so that a `/` inside a name cannot shift the
 * parts. They are also what the `import` option takes, and how messages name a relationship.
 */

/** An ID from its parts. */
export function idOf(parts: readonly string[]): string {
  return parts.map(encodeURIComponent).join("/");
}

/** The `count` parts of an ID of the `noun`'s form, or an error that shows the form: `form` such as `source/schema/table/name, such as default/public/users/userMessages`. */
export function idParts(id: string, count: number, noun: string, form: string): string[] {
  const notAnId = (why: string) => new Error(`"${id}" is not a ${noun} ID${why}. Use ${form}.`);
  const split = id.split("/");
  if (split.length !== count || split.some((part) => part === "")) throw notAnId("");
  return split.map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw notAnId(`: ${JSON.stringify(part)} is not URI-encoded (a "%" must start an escape such as %2F; write a literal "%" as %25)`);
    }
  });
}
