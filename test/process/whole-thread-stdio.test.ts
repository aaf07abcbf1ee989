// The built server over real stdio: a page of a thread reports the whole thread's state, the header
// names the status, and the drafting prompt says what the channel implies.
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shortId, TEST_API_KEY } from "../helpers.js";
import { type Sandbox, startSandbox } from "../sandbox/server.js";
import { ENTRY, initialize, run, textOfResult } from "../stdio-process.js";

let sandbox: Sandbox;
beforeAll(async () => {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run npm run build first (npm test does).`);
  sandbox = await startSandbox({ apiKey: TEST_API_KEY });
});
afterAll(() => sandbox.close());

describe("the whole thread over stdio", () => {
  it("reads a first page's state from the newest messages, and the prompt from the channel", async () => {
    const thread = sandbox.threads.find((t) => t.guest_name === "Kevin Doyle");
    const server = run([], { HOSTELMATE_API_KEY: TEST_API_KEY, HOSTELMATE_API_URL: sandbox.url });
    try {
      await initialize(server);
      const page = await server.request("tools/call", {
        name: "get_messages",
        arguments: { thread_id: thread?.id, offset: 0, limit: 3 },
      });
      const lines = textOfResult(page).split("\n");
      expect(lines[0]).toMatch(
        new RegExp(`^Thread ${shortId(thread?.id ?? "")}\\|Kevin Doyle\\|BOOKING_COM\\|OPEN\\|booking `),
      );
      expect(lines[1]).toMatch(/^NEEDS REPLY: the guest has been waiting since /);
      expect(lines[2]).toMatch(
        /^Messages 1-3 of 5 \(an older page; the line above is about the whole thread\)/,
      );
      expect((page.result as { structuredContent: unknown }).structuredContent).toMatchObject({
        needs_reply: true,
        last_from: "guest",
        waiting_since: thread?.messages[3]?.created_at,
      });

      const prompt = await server.request("prompts/get", {
        name: "draft_guest_reply",
        arguments: { thread_id: thread?.id ?? "" },
      });
      const text = (prompt.result as { messages: Array<{ content: { text: string } }> }).messages[0]?.content
        .text;
      expect(text).toContain(
        "This is a Booking.com message thread: Booking.com hides the guest's email address",
      );
      expect(text).toContain("The thread is OPEN in Hostel Mate.");
      server.child.stdin.end();
      expect(await server.exit).toBe(0);
      for (const line of server.stdoutLines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: "2.0" });
    } finally {
      server.child.kill();
    }
  });
});
