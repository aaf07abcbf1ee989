// Checks every request before the SDK sees it, where the SDK would answer badly: anything but
// initialize and ping before initialize is refused (the SDK served tools to a client that never
// introduced itself), and parameters that do not fit their method get -32602 with a sentence
// instead of -32603 with a zod dump. On the way out, error texts lose the "MCP error -32602: "
// the SDK puts in front: the client's SDK puts it there again, so it was read twice.
import type { Transport, TransportSendOptions } from "@modelcontextprotocol/sdk/shared/transport.js";
import {
  CallToolRequestSchema,
  CompleteRequestSchema,
  ErrorCode,
  GetPromptRequestSchema,
  InitializeRequestSchema,
  isJSONRPCError,
  isJSONRPCRequest,
  type JSONRPCMessage,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  type MessageExtraInfo,
  PingRequestSchema,
  ReadResourceRequestSchema,
  SetLevelRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { errorAnswer, invalidParams } from "./rpc-errors.js";

const REQUEST_SCHEMAS = new Map(
  [
    InitializeRequestSchema,
    PingRequestSchema,
    SetLevelRequestSchema,
    ListToolsRequestSchema,
    CallToolRequestSchema,
    ListPromptsRequestSchema,
    GetPromptRequestSchema,
    ListResourcesRequestSchema,
    ListResourceTemplatesRequestSchema,
    ReadResourceRequestSchema,
    CompleteRequestSchema,
  ].map((schema) => [schema.shape.method.value as string, schema] as const),
);

const BEFORE_INITIALIZE = new Set(["initialize", "ping"]);

const SDK_PREFIX = /^MCP error -?\d+: /;

export class ProtocolGate implements Transport {
  onmessage?: Transport["onmessage"];
  onerror?: Transport["onerror"];
  onclose?: Transport["onclose"];
  #initialized = false;

  constructor(private readonly inner: Transport) {}

  get sessionId(): string | undefined {
    return this.inner.sessionId;
  }

  setProtocolVersion(version: string): void {
    this.inner.setProtocolVersion?.(version);
  }

  start(): Promise<void> {
    this.inner.onclose = () => this.onclose?.();
    this.inner.onerror = (error) => this.onerror?.(error);
    this.inner.onmessage = (message, extra) => this.#receive(message, extra);
    return this.inner.start();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if (isJSONRPCError(message) && SDK_PREFIX.test(message.error.message)) {
      const error = { ...message.error, message: message.error.message.replace(SDK_PREFIX, "") };
      return this.inner.send({ ...message, error }, options);
    }
    return this.inner.send(message, options);
  }

  #receive(message: JSONRPCMessage, extra?: MessageExtraInfo): void {
    if (isJSONRPCRequest(message)) {
      const { id, method } = message;
      if (!this.#initialized && !BEFORE_INITIALIZE.has(method)) {
        void this.send(
          errorAnswer(
            id,
            ErrorCode.InvalidRequest,
            `Invalid request: send initialize first; before it this server answers only initialize and ping, not ${method}.`,
          ),
        );
        return;
      }
      const parsed = REQUEST_SCHEMAS.get(method)?.safeParse(message);
      if (parsed && !parsed.success) {
        void this.send(invalidParams(id, method, parsed.error.issues));
        return;
      }
      if (method === "initialize") this.#initialized = true;
    }
    this.onmessage?.(message, extra);
  }
}
