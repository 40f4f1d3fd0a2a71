import { readFileSync } from "node:fs";
import path from "node:path";
import { providerModuleText } from "../../provider/handle";

/** The provider as the resource puts it into the state: the text of a module whose `handler()` returns it. */
export async function serializeProvider(): Promise<string> {
  return providerModuleText("remoteRelationshipProvider");
}

/** The `__provider` text release 0.1.0 stored: its whole provider serialized by value (see test/fixtures/README.md). */
export function providerTextOf010(): string {
  return readFileSync(path.join(__dirname, "..", "..", "..", "test", "fixtures", "provider-0.1.0.js"), "utf8");
}
