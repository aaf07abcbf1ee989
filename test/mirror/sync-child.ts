// A process that runs the sync on a database file until it is killed: spawned by store.test.ts.
import { createClient } from "../../src/api/client.js";
import { MirrorStore } from "../../src/mirror/store.js";
import { syncMirror } from "../../src/mirror/sync.js";
import { openTestDatabase } from "./open.js";

const [path, apiUrl, apiKey] = process.argv.slice(2);
if (!path || !apiUrl || !apiKey) throw new Error("usage: sync-child <database> <api url> <api key>");
const store = new MirrorStore(openTestDatabase(path));
const client = createClient({ apiUrl, apiKey, timeoutMs: 10_000, cacheTtlMs: 0 });
process.stdout.write("started\n");
await syncMirror({ client, store, holder: "child" });
process.stdout.write("finished\n");
