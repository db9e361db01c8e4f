// The engine contract against a real Meilisearch server. Runs when MEILI_URL (and MEILI_MASTER_KEY) point at one;
// otherwise it is reported as skipped, with the reason — this machine has no Meilisearch server (ENVIRONMENT.md).
import { randomBytes } from "node:crypto";
import { Meilisearch } from "meilisearch";
import { describe } from "vitest";
import { describeSearchContract } from "../contract/contract.server.ts";
import { settingsFor } from "../settings.ts";
import { connectMeilisearch } from "./adapter.server.ts";

const url = process.env.MEILI_URL;
const apiKey = process.env.MEILI_MASTER_KEY;
const reason = "MEILI_URL is not set, and no Meilisearch server can be installed on this machine (see ENVIRONMENT.md)";
if (!url) console.warn(`\n[search] SKIPPED the Meilisearch contract suite: ${reason}.\n`);

describe.skipIf(!url)(url ? `Meilisearch at ${url}` : `Meilisearch — SKIPPED: ${reason}`, () => {
  describeSearchContract("meilisearch", async () => {
    const prefix = `duijie_contract_${randomBytes(4).toString("hex")}_`;
    const engine = await connectMeilisearch({
      url: url!,
      apiKey,
      prefix,
      settings: { needs: settingsFor("needs"), orgs: settingsFor("orgs") },
    });
    return {
      engine,
      cleanup: async () => {
        const client = new Meilisearch({ host: url!, apiKey });
        await client.deleteIndexIfExists(`${prefix}needs`);
        await client.deleteIndexIfExists(`${prefix}orgs`);
      },
    };
  });
});
