import * as pulumi from "@pulumi/pulumi";
import { remoteRelationshipProvider } from "../../provider";

/** The provider as `dynamic.Resource` puts it into the state: the text of a module whose `handler()` returns it. */
export async function serializeProvider(): Promise<string> {
  const serialized = await pulumi.runtime.serializeFunction(() => remoteRelationshipProvider, { allowSecrets: true });
  return serialized.text;
}
