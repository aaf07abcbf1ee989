// Which log lines go to the MCP client. A client that sent logging/setLevel gets every line at or
// above the level it asked for, whatever HOSTELMATE_LOG_LEVEL says about stderr; one that has not
// asked gets what stderr gets, rather than every debug line. Nothing goes before the client has
// initialized: the protocol allows no message before the answer to initialize.
import { type LoggingLevel, LoggingLevelSchema } from "@modelcontextprotocol/sdk/types.js";
import { type LogLevel, passes } from "./log.js";

// The MCP levels, least severe first, as the SDK lists them.
const SEVERITY: readonly LoggingLevel[] = LoggingLevelSchema.options;

export function mcpLevel(level: LogLevel): LoggingLevel {
  return level === "warn" ? "warning" : level;
}

export class LogForwarding {
  #clientLevel: LoggingLevel | undefined;
  #initialized = false;

  constructor(private readonly stderrLevel: LogLevel) {}

  setClientLevel(level: LoggingLevel): void {
    this.#clientLevel = level;
  }

  clientInitialized(): void {
    this.#initialized = true;
  }

  forwards(level: LogLevel): boolean {
    if (!this.#initialized) return false;
    if (this.#clientLevel === undefined) return passes(level, this.stderrLevel);
    return SEVERITY.indexOf(mcpLevel(level)) >= SEVERITY.indexOf(this.#clientLevel);
  }
}
