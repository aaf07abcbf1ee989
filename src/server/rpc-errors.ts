// JSON-RPC error answers this server builds itself, before a message reaches the SDK: each says in a
// sentence what to change, where the SDK would stay silent or send a schema dump.
import { ErrorCode, type JSONRPCMessage, type RequestId } from "@modelcontextprotocol/sdk/types.js";

export function errorAnswer(id: RequestId | null, code: number, message: string): JSONRPCMessage {
  // The SDK's type has no room for id null, which JSON-RPC prescribes when the id cannot be read.
  return { jsonrpc: "2.0", id, error: { code, message } } as unknown as JSONRPCMessage;
}

export function isRequestId(value: unknown): value is RequestId {
  return typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
}

interface Issue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  input?: unknown;
  expected?: unknown;
  values?: readonly unknown[];
}

function problemOf(issue: Issue): string {
  const name = issue.path.map(String).join(".") || "the message";
  if (issue.path.at(-1) === "progressToken") return `${name} must be a string or a number`;
  if (issue.code === "invalid_value" && issue.values)
    return `${name} must be one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`;
  if (issue.code === "invalid_type" && issue.input === undefined) return `${name} is required`;
  if (issue.code === "invalid_type" && typeof issue.expected === "string")
    return `${name} must be ${issue.expected === "object" ? "an object" : `a ${issue.expected}`}`;
  return `${name}: ${issue.message}`;
}

/** -32602 for a request whose parameters do not fit its method, naming each wrong field. */
export function invalidParams(id: RequestId, method: string, issues: readonly Issue[]): JSONRPCMessage {
  const problems = [...new Set(issues.map(problemOf))];
  return errorAnswer(id, ErrorCode.InvalidParams, `Invalid params for ${method}: ${problems.join("; ")}.`);
}
