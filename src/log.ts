// stdout is the MCP protocol channel, so every log line goes to stderr — and, once a server is
// running, also to MCP clients as log notifications (they filter by the level they ask for).

export const LOG_LEVELS = ["error", "warn", "info", "debug"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogSink = (level: LogLevel, message: string) => void;

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
  /** Also send every line that passes the level to this sink. */
  addSink(sink: LogSink): void;
}

export function createLogger(
  level: LogLevel = "info",
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const sinks: LogSink[] = [];
  const at =
    (lineLevel: LogLevel) =>
    (message: string): void => {
      if (LOG_LEVELS.indexOf(lineLevel) > threshold) return;
      write(`hostelmate-mcp ${lineLevel}: ${message}\n`);
      for (const sink of sinks) sink(lineLevel, message);
    };
  return {
    error: at("error"),
    warn: at("warn"),
    info: at("info"),
    debug: at("debug"),
    addSink: (sink) => sinks.push(sink),
  };
}

export const silentLogger: Logger = { error() {}, warn() {}, info() {}, debug() {}, addSink() {} };
