// stdout is the MCP protocol channel, so log lines go to stderr — at HOSTELMATE_LOG_LEVEL — and,
// once a server is running, to MCP clients as log notifications at the level each asks for.

export const LOG_LEVELS = ["error", "warn", "info", "debug"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogSink = (level: LogLevel, message: string) => void;

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
  /** The stderr threshold. */
  readonly level: LogLevel;
  /** Also send every line to this sink, whatever the stderr level: the sink has its own. */
  addSink(sink: LogSink): void;
}

export function createLogger(
  level: LogLevel = "info",
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const sinks: LogSink[] = [];
  const at =
    (lineLevel: LogLevel) =>
    (message: string): void => {
      if (passes(lineLevel, level)) write(`hostelmate-mcp ${lineLevel}: ${message}\n`);
      for (const sink of sinks) sink(lineLevel, message);
    };
  return {
    error: at("error"),
    warn: at("warn"),
    info: at("info"),
    debug: at("debug"),
    level,
    addSink: (sink) => sinks.push(sink),
  };
}

/** Whether a line at `level` passes a threshold. */
export function passes(level: LogLevel, threshold: LogLevel): boolean {
  return LOG_LEVELS.indexOf(level) <= LOG_LEVELS.indexOf(threshold);
}

export const silentLogger: Logger = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  level: "error",
  addSink() {},
};
