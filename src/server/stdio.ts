// The MCP transport over this process's stdin and stdout, in place of the SDK's StdioServerTransport:
// that one copies its whole buffer on every chunk (an 8 MB line took 17 s) and closes itself at
// 10 MB without a word, leaving the server deaf. This one reads in time linear in its input, drops
// a line over MAX_LINE_BYTES as it streams in, answers what it cannot read with a JSON-RPC error,
// and stops reading while the client is not reading its answers.
import type { Readable, Writable } from "node:stream";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import {
  ErrorCode,
  type JSONRPCMessage,
  JSONRPCMessageSchema,
  JSONRPCRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { MAX_LINE_BYTES } from "../limits.js";
import { errorAnswer, invalidParams, isRequestId } from "./rpc-errors.js";

const NEWLINE = 0x0a;

export interface StdioOptions {
  stdin?: Readable;
  stdout?: Writable;
  maxLineBytes?: number;
  /** Where a refused line is reported for the operator (stderr). */
  warn?: (sentence: string) => void;
}

export class StdioTransport implements Transport {
  onmessage?: Transport["onmessage"];
  onerror?: Transport["onerror"];
  onclose?: Transport["onclose"];

  readonly #stdin: Readable;
  readonly #stdout: Writable;
  readonly #maxLineBytes: number;
  readonly #warn: (sentence: string) => void;
  // The line being read, in the chunks it came in: joined once, when its newline arrives.
  #pieces: Buffer[] = [];
  #size = 0;
  #overLimit = false;
  // Whole lines read but not yet handled, because stdout was backed up when they arrived.
  readonly #waiting: Buffer[] = [];
  #backedUp = false;
  #closed = false;

  constructor(options: StdioOptions = {}) {
    this.#stdin = options.stdin ?? process.stdin;
    this.#stdout = options.stdout ?? process.stdout;
    this.#maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
    this.#warn = options.warn ?? (() => {});
  }

  async start(): Promise<void> {
    this.#stdin.on("data", this.#onData);
    this.#stdin.on("error", this.#onError);
    this.#stdout.on("drain", this.#onDrain);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#stdin.off("data", this.#onData);
    this.#stdin.off("error", this.#onError);
    this.#stdout.off("drain", this.#onDrain);
    this.#pieces = [];
    this.#waiting.length = 0;
    this.onclose?.();
  }

  send(message: JSONRPCMessage): Promise<void> {
    if (this.#stdout.write(`${JSON.stringify(message)}\n`)) return Promise.resolve();
    // The client is not keeping up: take no new requests until it has read what it was sent.
    this.#backedUp = true;
    this.#stdin.pause();
    return new Promise((resolve) => this.#stdout.once("drain", resolve));
  }

  readonly #onError = (error: Error): void => this.onerror?.(error);

  readonly #onDrain = (): void => {
    this.#backedUp = false;
    this.#handleWaiting();
    if (!this.#backedUp && !this.#closed) this.#stdin.resume();
  };

  readonly #onData = (chunk: Buffer | string): void => {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      this.#take(bytes.subarray(start, end));
      this.#endLine();
      start = end + 1;
    }
    if (start < bytes.length) this.#take(bytes.subarray(start));
    this.#handleWaiting();
  };

  /** Adds part of a line; a line over the limit is dropped here, as it streams, never held whole. */
  #take(part: Buffer): void {
    if (this.#overLimit || part.length === 0) return;
    this.#size += part.length;
    if (this.#size > this.#maxLineBytes) {
      this.#overLimit = true;
      this.#pieces = [];
      return;
    }
    this.#pieces.push(part);
  }

  #endLine(): void {
    if (this.#overLimit) {
      const limit = `${this.#maxLineBytes / 1024 / 1024} MB`;
      this.#warn(`stdin: dropped a message of more than ${limit} unread`);
      this.#answer(
        errorAnswer(
          null,
          ErrorCode.InvalidRequest,
          `Invalid request: a message longer than ${limit} was dropped unread; send each JSON-RPC message on one line of at most ${limit}.`,
        ),
      );
    } else if (this.#pieces.length > 0) {
      this.#waiting.push(
        this.#pieces.length === 1 ? (this.#pieces[0] as Buffer) : Buffer.concat(this.#pieces),
      );
    }
    this.#pieces = [];
    this.#size = 0;
    this.#overLimit = false;
  }

  #handleWaiting(): void {
    while (!this.#backedUp && !this.#closed) {
      const line = this.#waiting.shift();
      if (line === undefined) return;
      this.#handleLine(line.toString("utf8"));
    }
  }

  #handleLine(line: string): void {
    if (line.trim() === "") return;
    const message = this.#read(line);
    if (message !== undefined) this.onmessage?.(message);
  }

  /** The line's message, or undefined when the line was answered with an error instead. */
  #read(line: string): JSONRPCMessage | undefined {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      this.#warn("stdin: answered a line that is not JSON with a parse error");
      this.#answer(
        errorAnswer(
          null,
          ErrorCode.ParseError,
          "Parse error: the line is not JSON; send each JSON-RPC message as one line of JSON.",
        ),
      );
      return undefined;
    }
    if (Array.isArray(value)) {
      this.#warn("stdin: refused a JSON-RPC batch");
      this.#answer(
        errorAnswer(
          null,
          ErrorCode.InvalidRequest,
          "Invalid request: batches are not supported (MCP since 2025-06-18 has none); send each message on a line of its own.",
        ),
      );
      return undefined;
    }
    const parsed = JSONRPCMessageSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    const refusal = this.#refusalOf(value);
    if (refusal) this.#answer(refusal);
    return undefined;
  }

  /** A JSON object that is no JSON-RPC message: a request with bad params gets -32602, the rest -32600. */
  #refusalOf(value: unknown): JSONRPCMessage | undefined {
    const message = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
    const id = isRequestId(message.id) ? message.id : null;
    const method = typeof message.method === "string" ? message.method : undefined;
    this.#warn(`stdin: refused a message that is not valid JSON-RPC${method ? ` (${method})` : ""}`);
    // A notification is answered by no one, whatever is wrong with it.
    if (id === null && method !== undefined && !("id" in message)) return undefined;
    const asRequest = JSONRPCRequestSchema.safeParse(value);
    const issues = asRequest.success ? [] : asRequest.error.issues;
    if (id !== null && method !== undefined && issues.every((issue) => issue.path[0] === "params"))
      return invalidParams(id, method, issues);
    return errorAnswer(
      id,
      ErrorCode.InvalidRequest,
      'Invalid request: a JSON-RPC 2.0 request is an object with "jsonrpc": "2.0", a "method" and an "id" that is a string or a number.',
    );
  }

  #answer(message: JSONRPCMessage): void {
    void this.send(message);
  }
}
