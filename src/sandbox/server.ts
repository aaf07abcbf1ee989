// A fake Hostel Mate API on loopback: the two client endpoints as the reference describes them,
// seeded with a hostel's worth of conversations. Tests and --demo both run on it.
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { brotliCompressSync, gzipSync, constants as zlibConstants } from "node:zlib";
import { CHANNELS } from "../api/schemas.js";
import { buildDataset, lastActivity, type SandboxThread, unreadCount } from "./dataset.js";
import {
  BOMB_PADDING_BYTES,
  driftConversation,
  driftMessage,
  ENDLESS_BODY_STOP_BYTES,
  type Faults,
  hostileJson,
  noFaults,
  takeFailure,
} from "./faults.js";
import { seedThreads } from "./seed-threads.js";
import type { SeedThread } from "./seed-types.js";

export const SANDBOX_API_KEY = "hm_sandbox_demo_key";
/** The seed's clock: tests pin it here so their snapshots never move. */
export const SANDBOX_ANCHOR = new Date("2026-11-24T18:00:00Z");

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
}

export interface SandboxOptions {
  apiKey?: string;
  /** The seed's "now"; --demo passes the real time so the inbox looks current. */
  anchor?: Date;
  seed?: readonly SeedThread[];
  port?: number;
  /**
   * How long an idle connection is kept open (Node's server.keepAliveTimeout, which it also
   * announces as Keep-Alive: timeout=…); 0 keeps it open and announces nothing. Default 5 s.
   */
  keepAliveTimeoutMs?: number;
  /** Delays the first answer on each new connection, as a TLS handshake would. */
  newConnectionDelayMs?: number;
}

export interface Sandbox {
  url: string;
  apiKey: string;
  threads: SandboxThread[];
  requests: RecordedRequest[];
  faults: Faults;
  /** Requests held open by the `hang` fault that the client has not yet given up on. */
  readonly hangingCount: number;
  /** The most requests it has had in progress at once since the last reset. */
  readonly peakInFlight: number;
  /** Connections opened to it since it started. */
  readonly connections: number;
  /** Body bytes written by the endlessBody fault since the last reset. */
  readonly endlessBytesSent: number;
  /** Clears recorded requests, faults and the peak. */
  reset(): void;
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

const bombs = new Map<"br" | "gzip", Buffer>();

/** An empty list page, valid JSON, with ~16 MB of padding, compressed to under 100 KB. */
function bombBody(coding: "br" | "gzip"): Buffer {
  const built = bombs.get(coding);
  if (built) return built;
  const padded = Buffer.concat([
    Buffer.from('{"pagination":{"total":0,"limit":20,"offset":0,"has_more":false},"results":[],"padding":"'),
    Buffer.alloc(BOMB_PADDING_BYTES, "a"),
    Buffer.from('"}'),
  ]);
  const compressed =
    coding === "br"
      ? brotliCompressSync(padded, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 1 } })
      : gzipSync(padded, { level: 1 });
  bombs.set(coding, compressed);
  return compressed;
}

function pagination(total: number, limit: number, offset: number) {
  return { total, limit, offset, has_more: offset + limit < total };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const apiKey = options.apiKey ?? SANDBOX_API_KEY;
  const threads = buildDataset(options.seed ?? seedThreads, options.anchor ?? SANDBOX_ANCHOR);
  const byActivity = [...threads].sort((a, b) => lastActivity(b).localeCompare(lastActivity(a)));
  const requests: RecordedRequest[] = [];
  const sandbox = { faults: noFaults() };
  const hanging = new Set<ServerResponse>();
  let inFlight = 0;
  let peakInFlight = 0;
  let endlessBytesSent = 0;
  const greeted = new WeakSet<Socket>();

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
    const matching = byActivity.filter(
      (thread) =>
        (channel === null || thread.channel === channel) &&
        (bookingId === null || thread.booking_id === bookingId.toLowerCase()) &&
        (!needle || matchesSearch(thread, needle)),
    );
    const end = sandbox.faults.ignoreLimit ? matching.length : offset + limit;
    let results = matching.slice(offset, end).map(conversationJson);
    if (sandbox.faults.drift) results = results.map(driftConversation);
    return { pagination: pagination(matching.length, limit, offset), results };
  }

  function getMessages(threadId: string, query: URLSearchParams) {
    const limit = intParam(query, "limit", 50, 1, 100);
    const offset = intParam(query, "offset", 0, 0, Number.MAX_SAFE_INTEGER);
    const thread = threads.find((candidate) => candidate.id === threadId.toLowerCase());
    if (!thread) throw new HttpProblem(404, "not_found", "Thread not found");
    let results: Record<string, unknown>[] = thread.messages
      .slice(offset, sandbox.faults.ignoreLimit ? thread.messages.length : offset + limit)
      .map((m) => ({ ...m }));
    if (sandbox.faults.drift) results = results.map(driftMessage);
    const info = {
      id: thread.id,
      booking_id: thread.booking_id,
      channel: thread.channel,
      guest_name: thread.guest_name,
    };
    const omit = sandbox.faults.omitMessagesPagination || sandbox.faults.drift;
    return {
      thread: info,
      ...(omit ? {} : { pagination: pagination(thread.messages.length, limit, offset) }),
      results,
    };
  }

  function send(
    response: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    response.end(text);
  }

  function sendBomb(response: ServerResponse, coding: "br" | "gzip") {
    const compressed = bombBody(coding);
    response.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      "content-encoding": coding,
      "content-length": String(compressed.length),
    });
    response.end(compressed);
  }

  /** Valid JSON whose padding goes on until the client stops reading (or the safety stop). */
  function sendEndless(response: ServerResponse) {
    response.writeHead(200, { "content-type": "application/json; charset=utf-8" });
    response.write(
      '{"pagination":{"total":0,"limit":20,"offset":0,"has_more":false},"results":[],"padding":"',
    );
    const chunk = Buffer.alloc(64 * 1024, "a");
    const more = () => {
      while (!response.destroyed && endlessBytesSent < ENDLESS_BODY_STOP_BYTES) {
        endlessBytesSent += chunk.length;
        if (!response.write(chunk)) return void response.once("drain", more);
      }
      if (!response.destroyed) response.end('"}');
    };
    more();
  }

  /** Headers promising the whole body, half of it, then the connection dropped. */
  function sendHalf(response: ServerResponse, text: string) {
    const bytes = Buffer.from(text);
    response.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      "content-length": String(bytes.length),
    });
    response.write(bytes.subarray(0, bytes.length >> 1), () => response.socket?.destroy());
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://sandbox");
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    requests.push({
      method: request.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
    });
    inFlight += 1;
    peakInFlight = Math.max(peakInFlight, inFlight);
    response.once("close", () => {
      inFlight -= 1;
    });

    const socket = request.socket;
    if (options.newConnectionDelayMs && !greeted.has(socket)) {
      greeted.add(socket);
      await new Promise((resolve) => setTimeout(resolve, options.newConnectionDelayMs));
    }
    const faults = sandbox.faults;
    if (faults.hang) {
      hanging.add(response);
      response.on("close", () => hanging.delete(response));
      return;
    }
    if (faults.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.delayMs));

    if (request.method !== "GET")
      return send(response, 405, { error: "method_not_allowed", message: "GET only" });
    if (headers.origin) return send(response, 403, { error: "forbidden", message: "Origin not allowed" });
    if (headers["x-api-key"] !== apiKey) {
      return send(response, 401, { error: "unauthorized", message: "Invalid or missing API key" });
    }

    const messagesMatch = MESSAGES_PATH.exec(url.pathname);
    const endpoint = url.pathname === LIST_PATH ? "conversations" : messagesMatch ? "messages" : undefined;
    if (!endpoint) return send(response, 404, { error: "not_found", message: "No such endpoint" });

    const failure = takeFailure(faults, endpoint);
    if (failure) {
      const retryAfter: Record<string, string> = failure.retryAfter
        ? { "retry-after": failure.retryAfter }
        : {};
      return send(
        response,
        failure.status,
        { error: failure.error ?? "error", message: "Scripted failure" },
        retryAfter,
      );
    }
    if (faults.featureDisabled && endpoint === "conversations") {
      return send(response, 404, { error: "not_found", message: "Conversations feature is not enabled" });
    }
    if (faults.malformed) return send(response, 200, '{"pagination": {"total": 3, "results": [');
    if (faults.endlessBody) return sendEndless(response);

    try {
      const body =
        endpoint === "conversations"
          ? listConversations(url.searchParams)
          : getMessages(decodeURIComponent(messagesMatch?.[1] ?? ""), url.searchParams);
      if (faults.encodingBomb) return sendBomb(response, faults.encodingBomb);
      const sent = faults.hostile ? hostileJson(body) : body;
      if (faults.dropMidBody > 0) {
        faults.dropMidBody -= 1;
        return sendHalf(response, JSON.stringify(sent));
      }
      send(response, 200, sent);
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      send(response, error.status, { error: error.code, message: error.message });
    }
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, { error: "internal_error", message: "Sandbox failure" });
    });
  });
  if (options.keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = options.keepAliveTimeoutMs;
  let connections = 0;
  server.on("connection", () => {
    connections += 1;
  });
  server.listen(options.port ?? 0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    threads,
    requests,
    get faults() {
      return sandbox.faults;
    },
    set faults(value: Faults) {
      sandbox.faults = value;
    },
    get hangingCount() {
      return hanging.size;
    },
    get peakInFlight() {
      return peakInFlight;
    },
    get connections() {
      return connections;
    },
    get endlessBytesSent() {
      return endlessBytesSent;
    },
    reset() {
      requests.length = 0;
      peakInFlight = inFlight;
      endlessBytesSent = 0;
      sandbox.faults = noFaults();
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
