// The sandbox API as a process of its own, for `npm run bench`: it sends its URL over the IPC
// channel, then answers "count" with the requests it has seen and "reset" by forgetting them.
import { startSandbox } from "../test/sandbox/server.js";

const sandbox = await startSandbox({ apiKey: process.argv[2] ?? "hm_live_BENCH" });
process.on("message", (question) => {
  if (question === "reset") sandbox.reset();
  process.send?.(sandbox.requests.length);
});
process.on("disconnect", () => void sandbox.close());
process.send?.(sandbox.url);
