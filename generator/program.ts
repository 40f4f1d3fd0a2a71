/** The generated program, `index.ts`: one `new` per relationship, grouped by table, with what was skipped said at the end. */
import type { Declaration, Inventory } from "./declarations";
import { indentUnit, lineWidth, literal, propertyKey } from "./typescriptLiteral";

/** Where the metadata came from, for the program's opening comment. */
export interface ProgramOrigin {
  readonly endpoint: string;
  readonly packageName: string;
  readonly packageVersion: string;
}

/** The text of `index.ts`. */
export function renderProgram(inventory: Inventory, origin: ProgramOrigin): string {
  const lines = [
    ...comment(
      `The remote relationships of the Hasura at ${origin.endpoint}, one resource each, as \`${origin.packageName} generate\` (${origin.packageVersion}) read them from its metadata.`,
    ),
    "//",
    ...comment(
      "Every resource carries the `import` option: the first `pulumi up` takes the relationship over as Hasura holds it, writing nothing to Hasura, and stops with both definitions shown if Hasura holds something else by then. After that up, the `import` options can be deleted. The endpoint and the admin secret come from the stack's config: `hasura:endpoint` and the secret `hasura:adminSecret`.",
    ),
  ];
  const types = [...new Set(inventory.declarations.map((declaration) => declaration.resourceType))].sort();
  lines.push(types.length === 0 ? "export {};" : `import { ${types.join(", ")} } from ${JSON.stringify(origin.packageName)};`);
  if (inventory.declarations.length === 0) lines.push("", ...comment("Hasura holds no remote relationship that this package manages."));
  let group: string | undefined;
  for (const declaration of inventory.declarations) {
    if (declaration.group !== group) {
      group = declaration.group;
      lines.push("", `// ${group}`);
    }
    lines.push("", ...declarationLines(declaration));
  }
  if (inventory.skipped.length > 0) {
    lines.push("", "// Not declared here, and why:");
    for (const skipped of inventory.skipped) lines.push(...comment(`${skipped.label}: ${skipped.reason}`, "- ", "  "));
  }
  return `${lines.join("\n")}\n`;
}

function declarationLines(declaration: Declaration): string[] {
  const argsIndent = indentUnit.repeat(2);
  const args = declaration.args.map(([key, value]) => {
    const head = `${argsIndent}${propertyKey(key)}: `;
    return `${head}${literal(value, argsIndent, head.length)},`;
  });
  return [
    `new ${declaration.resourceType}(`,
    `${indentUnit}${JSON.stringify(declaration.resourceName)},`,
    `${indentUnit}{`,
    ...args,
    `${indentUnit}},`,
    `${indentUnit}{ import: ${JSON.stringify(declaration.importId)} },`,
    ");",
  ];
}

/** `text` as `//` comment lines of at most the line width, words kept whole; the first line led by `first`, the rest by `rest`. */
function comment(text: string, first = "", rest = ""): string[] {
  const lines: string[] = [];
  let line = `// ${first}`;
  for (const word of text.split(/\s+/)) {
    const lead = lines.length === 0 ? `// ${first}` : `// ${rest}`;
    if (line.length + word.length + 1 > lineWidth && line !== lead) {
      lines.push(line.trimEnd());
      line = `// ${rest}`;
    }
    line += line.endsWith(" ") ? word : ` ${word}`;
  }
  lines.push(line.trimEnd());
  return lines;
}
