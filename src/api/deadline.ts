// When a tool call must be done by. The server's call budget sets it; the HTTP client reads it to
// decide whether a retry still has time to finish. It travels with the call's abort signal, which
// already reaches every request a call makes, rather than as one more argument through every tool.
const deadlines = new WeakMap<AbortSignal, number>();

/** Marks `signal` as belonging to a call that must end by `at` (milliseconds, as Date.now()). */
export function setDeadline(signal: AbortSignal, at: number): AbortSignal {
  deadlines.set(signal, at);
  return signal;
}

/** The deadline of the call that `signal` belongs to, if it has one. */
export function deadlineOf(signal: AbortSignal | undefined): number | undefined {
  return signal ? deadlines.get(signal) : undefined;
}
