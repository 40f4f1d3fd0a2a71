/** The generated program, `index.ts`: one `new` per relationship, grouped by table, with what was skipped said at the end. */
import type { Declaration, Inventory } from "./inventory";
import { indentUnit, lineWidth, literal, propertyKey } from "./typescriptLiteral";

/** Where the metadata came from, for the program's opening comment. */
export interface ProgramOrigin {
  readonly endpoint: string;
  readonly packageName: string;
  readonly packageVersion: string;
}

const importOption =
  "Every resource carries the `import` option: the first `pulumi up` takes the relationship over as Hasura holds it, writing nothing to Hasura, and stops with both definitions shown if Hasura holds something else by then. After that up, the `import` options can be deleted.";

/** The text of `index.ts`. */
export function renderProgram(inventory: Inventory, origin: ProgramOrigin): string {
  return renderModule(
    inventory,
    origin.packageName,
    [
      `The remote relationships of the Hasura at ${origin.endpoint}, one resource each, as \`${origin.packageName} generate\` (${origin.packageVersion}) read them from its metadata.`,
      `${importOption} The endpoint and the admin secret come from the stack's config: \`hasura:endpoint\` and the secret \`hasura:adminSecret\`.`,
    ],
    "Hasura holds no remote relationship to declare here.",
  );
}

/**
 * A module that declares relationships a program does not manage yet, for `drift --emit-declarations`:
 * saved beside the program and imported by it (`import "./adopted";`), or its `new` statements pasted in.
 */
export function renderAdoption(inventory: Inventory, origin: ProgramOrigin): string {
  return renderModule(
    inventory,
    origin.packageName,
    [
      `The remote relationships the Hasura at ${origin.endpoint} holds that no given stack manages, as \`${origin.packageName} drift --emit-declarations\` (${origin.packageVersion}) read them from its metadata.`,
      `Save this file beside the program's index.ts (as adopted.ts, say) and add \`import "./adopted";\` to it, or paste the \`new\` statements into the program. ${importOption} The endpoint is the stack's \`hasura:endpoint\`: run it with the stack whose endpoint this Hasura is.`,
    ],
    "Hasura holds no remote relationship that no given stack manages: there is nothing to adopt.",
  );
}

/**
 * A module: the opening comment's paragraphs, the import of the classes it uses, the resources by
 * group (or `nothing`, said when there is none), then what it skipped and why.
 */
function renderModule(inventory: Inventory, packageName: string, opening: readonly string[], nothing: string): string {
  const lines = opening.flatMap((paragraph, index) => [...(index === 0 ? [] : ["//"]), ...comment(paragraph)]);
  const types = [...new Set(inventory.declarations.map((declaration) => declaration.resourceType))].sort();
  lines.push(types.length === 0 ? "export {};" : `import { ${types.join(", ")} } from ${JSON.stringify(packageName)};`);
  if (inventory.declarations.length === 0) lines.push("", ...comment(nothing));
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
    for (const skipped of inventory.skipped) lines.push(...comment(`${skipped.id}: ${skipped.reason}`, "- ", "  "));
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
