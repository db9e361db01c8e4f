// The engine contract on the embedded engine: runs on every `npm test`.
import { describeSearchContract } from "../contract/contract.server.ts";
import { settingsFor } from "../settings.ts";
import { EmbeddedEngine } from "./engine.server.ts";

describeSearchContract("embedded (MiniSearch dictionary + jieba)", async () => ({
  engine: new EmbeddedEngine({ needs: settingsFor("needs"), orgs: settingsFor("orgs") }),
}));
