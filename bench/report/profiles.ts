/** The Hasura costs a run used, in words, with what each plan of a write costs at them. */
import { planCosts } from "../oracle";
import type { CostProfile } from "../results";

/** One line per cost profile. */
export function profilesText(profiles: readonly CostProfile[]): string {
  return profiles
    .map((profile) => {
      const { singleMs, replaceMs } = planCosts(profile);
      const catalog = profile.catalogIntrospectionMs === 0 ? "" : `, ${profile.catalogIntrospectionMs} ms to read a source's catalog again`;
      return `- ${profile.name}: ${profile.rebuildMs} ms a schema rebuild${catalog}, ${plural(profile.sources, "source")}; a single relationship command costs ${singleMs} ms, a replace_metadata ${replaceMs} ms.`;
    })
    .join("\n");
}

/** "1 write", "2 writes", "2 batches". */
export function plural(count: number, noun: string): string {
  if (count === 1) return `${count} ${noun}`;
  return `${count} ${noun}${/(s|x|ch|sh)$/.test(noun) ? "es" : "s"}`;
}
