// A fake Hostel Mate API on loopback: the two client endpoints as the reference describes them,
// seeded with a hostel's worth of conversations. --demo runs on it, and so do the tests, which add
// their faults and a request recorder through `handler` (test/sandbox/): none of that ships.
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { CHANNELS } from "../api/schemas.js";
import { buildDataset, lastActivity, type SandboxThread, unreadCount } from "./dataset.js";
import { seedThreads } from "./seed-threads.js";
import type { SeedThread } from "./seed-types.js";

export const SANDBOX_API_KEY = "hm_sandbox_demo_key";
/** The seed's clock: tests pin it here so their snapshots never move. */
export const SANDBOX_ANCHOR = new Date("2026-11-24T18:00:00Z");

export type Endpoint = "conversations" | "messages";
export type ListOrder = "activity" | "created";

/** A request as the API reads it: headers joined into one string each. */
export interface SandboxRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
}

export interface SandboxAnswer {
  status: number;
  body: unknown;
}

/** The endpoint a request reached past the checks of method, origin and key, or the API's refusal. */
export type Route =
  | { endpoint: "conversations" }
  | { endpoint: "messages"; threadId: string }
  | SandboxAnswer;

/** The honest API, for a handler that wraps it. */
export interface SandboxApi {
  route(request: SandboxRequest): Route;
  /** The whole answer: route, then the endpoint's page or its 400/404. */
  answer(request: SandboxRequest): SandboxAnswer;
}

/** Answers one request; the default reads it, asks `api.answer` and sends that. */
export type SandboxHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  api: SandboxApi,
) => void | Promise<void>;

export interface SandboxOptions {
  apiKey?: string;
  /** The seed's "now"; --demo passes the real time so the inbox looks current. */
  anchor?: Date;
  seed?: readonly SeedThread[];
  /** The list's order, newest first: by last message (the default) or by the thread's creation. */
  order?: ListOrder;
  port?: number;
  handler?: SandboxHandler;
}

export interface Sandbox {
  url: string;
  apiKey: string;
  /** The inbox it serves; a change to it shows in the next answer. */
  threads: SandboxThread[];
  /** The node:http server, for a wrapper that counts connections or tunes keep-alive. */
  server: Server;
  close(): Promise<void>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIST_PATH = "/api/v1/client/conversations";
const MESSAGES_PATH = /^\/api\/v1\/client\/conversations\/([^/]+)\/messages$/;

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function problem(status: number, error: string, message: string): SandboxAnswer {
  return { status, body: { error, message } };
}

function intParam(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`;
    throw new HttpProblem(400, "invalid_parameter", `${name} must be an integer ${range}`);
  }
  return value;
}

function matchesSearch(thread: SandboxThread, needle: string): boolean {
  const haystacks = [
    thread.guest_name,
    thread.subject,
    thread.booking_id,
    ...thread.messages.map((m) => m.content),
  ];
  return haystacks.some((text) => text?.toLocaleLowerCase().includes(needle));
}

function conversationJson(thread: SandboxThread): Record<string, unknown> {
  const last = thread.messages.at(-1);
  const unread = unreadCount(thread);
  return {
    id: thread.id,
    booking_id: thread.booking_id,
    channel: thread.channel,
    guest_name: thread.guest_name,
    subject: thread.subject,
    is_read: unread === 0,
    unread_count: unread,
    status: thread.status,
    last_message: last
      ? {
          id: last.id,
          content: last.content,
          direction: last.direction,
          source: last.source,
          created_at: last.created_at,
        }
      : null,
    created_at: thread.created_at,
  };
}

function pagination(total: number, limit: number, offset: number) {
  return { total, limit, offset, has_more: offset + limit < total };
}

export function readRequest(request: IncomingMessage): SandboxRequest {
  const url = new URL(request.url ?? "/", "http://sandbox");
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return { method: request.method ?? "GET", path: url.pathname, query: url.searchParams, headers };
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  response.end(text);
}

function createApi(apiKey: string, threads: SandboxThread[], order: ListOrder): SandboxApi {
  const newest = order === "created" ? (thread: SandboxThread) => thread.created_at : lastActivity;
  // Sorted per request, not once, so that a thread added, answered or removed moves in the list.
  // ISO times in one format sort as plain strings, cheaper than localeCompare on 5,000 threads.
  const ordered = () =>
    [...threads].sort((a, b) => {
      const [x, y] = [newest(a), newest(b)];
      return x < y ? 1 : x > y ? -1 : 0;
    });

  function listConversations(query: URLSearchParams) {
    const limit = intParam(query, "limit", 20, 1, 100);
    const offset = intParam(query, "offset", 0, 0, Number.MAX_SAFE_INTEGER);
    const channel = query.get("channel");
    if (channel !== null && !(CHANNELS as readonly string[]).includes(channel)) {
      throw new HttpProblem(400, "invalid_parameter", `channel must be one of ${CHANNELS.join(", ")}`);
    }
    const bookingId = query.get("booking_id");
    if (bookingId !== null && !GUID.test(bookingId)) {
      throw new HttpProblem(400, "invalid_parameter", "booking_id must be a UUID");
    }
    const needle = query.get("search")?.trim().toLocaleLowerCase();
    const matching = ordered().filter(
      (thread) =>
        (channel === null || thread.channel === channel) &&
        (bookingId === null || thread.booking_id === bookingId.toLowerCase()) &&
        (!needle || matchesSearch(thread, needle)),
    );
    const results = matching.slice(offset, offset + limit).map(conversationJson);
    return { pagination: pagination(matching.length, limit, offset), results };
  }

  function getMessages(threadId: string, query: URLSearchParams) {
    const limit = intParam(query, "limit", 50, 1, 100);
    const offset = intParam(query, "offset", 0, 0, Number.MAX_SAFE_INTEGER);
    const thread = threads.find((candidate) => candidate.id === threadId.toLowerCase());
    if (!thread) throw new HttpProblem(404, "not_found", "Thread not found");
    const results = thread.messages.slice(offset, offset + limit).map((m) => ({ ...m }));
    const info = {
      id: thread.id,
      booking_id: thread.booking_id,
      channel: thread.channel,
      guest_name: thread.guest_name,
    };
    return { thread: info, pagination: pagination(thread.messages.length, limit, offset), results };
  }

  function route(request: SandboxRequest): Route {
    if (request.method !== "GET") return problem(405, "method_not_allowed", "GET only");
    if (request.headers.origin) return problem(403, "forbidden", "Origin not allowed");
    if (request.headers["x-api-key"] !== apiKey) {
      return problem(401, "unauthorized", "Invalid or missing API key");
    }
    if (request.path === LIST_PATH) return { endpoint: "conversations" };
    const messagesMatch = MESSAGES_PATH.exec(request.path);
    if (messagesMatch) return { endpoint: "messages", threadId: messagesMatch[1] ?? "" };
    return problem(404, "not_found", "No such endpoint");
  }

  return {
    route,
    answer(request) {
      const routed = route(request);
      if ("status" in routed) return routed;
      try {
        const body =
          routed.endpoint === "conversations"
            ? listConversations(request.query)
            : getMessages(decodeURIComponent(routed.threadId), request.query);
        return { status: 200, body };
      } catch (error) {
        if (!(error instanceof HttpProblem)) throw error;
        return problem(error.status, error.code, error.message);
      }
    },
  };
}

const honest: SandboxHandler = (request, response, api) => {
  const { status, body } = api.answer(readRequest(request));
  sendJson(response, status, body);
};

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const apiKey = options.apiKey ?? SANDBOX_API_KEY;
  const threads = buildDataset(options.seed ?? seedThreads, options.anchor ?? SANDBOX_ANCHOR);
  const api = createApi(apiKey, threads, options.order ?? "activity");
  const handler = options.handler ?? honest;
  const server = createServer((request, response) => {
    Promise.resolve()
      .then(() => handler(request, response, api))
      .catch(() => {
        if (!response.headersSent)
          sendJson(response, 500, { error: "internal_error", message: "Sandbox failure" });
      });
  });
  server.listen(options.port ?? 0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    threads,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
