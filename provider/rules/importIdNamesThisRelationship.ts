import type { Rule } from "./rule";

/** How a resource's inputs name its relationship, for the rule below. */
export interface ImportIdSubject<I> {
  /** The inputs the ID is made of, most general first: `source, table, name`. */
  readonly keyInputs: readonly (keyof I & string)[];
  /** The ID these inputs describe; undefined while an input it is made of is not given. */
  idOf(inputs: Partial<I>): string | undefined;
}

/**
 * The import ID names this relationship.
 *
 * An import takes over the relationship the inputs describe, so the ID given to the `import` option
 * must be the ID of these inputs.
 */
export function importIdNamesThisRelationship<I extends { readonly importId?: string }>(subject: ImportIdSubject<I>): Rule<I> {
  const fix = [...subject.keyInputs]
    .reverse()
    .join(", ")
    .replace(/, ([^,]*)$/, " or $1");
  return (context) => {
    const importId = context.inputs.importId;
    if (importId === undefined || subject.keyInputs.some((input) => context.isUnknown(input))) return;
    const described = subject.idOf(context.inputs);
    if (described === undefined || described === importId) return;
    context.report({
      code: "import-id-mismatch",
      path: ["importId"],
      message: `The import ID "${importId}" names another relationship than these inputs, which describe "${described}". Import the relationship the inputs describe, or fix ${fix}.`,
    });
  };
}
