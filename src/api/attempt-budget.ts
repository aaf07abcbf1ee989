// A cap on the HTTP attempts one tool call may make, retries included. The caller hands it to the
// client in its call options; the client claims one attempt before the first try and one before
// each retry, so the count is what Hostel Mate actually received.

/** Thrown instead of starting a request when the budget has nothing left. */
export class AttemptBudgetSpentError extends Error {
  override name = "AttemptBudgetSpentError";
  constructor(readonly max: number) {
    super(`request budget of ${max} spent`);
  }
}

export class AttemptBudget {
  #used = 0;

  constructor(
    readonly max: number,
    /** Told after each attempt is claimed, e.g. to report progress. */
    private readonly onAttempt?: (used: number, max: number) => void,
  ) {}

  get used(): number {
    return this.#used;
  }

  get remaining(): number {
    return this.max - this.#used;
  }

  /** Claims one attempt; false when none is left. Synchronous, so concurrent callers never overdraw. */
  take(): boolean {
    if (this.#used >= this.max) return false;
    this.#used += 1;
    this.onAttempt?.(this.#used, this.max);
    return true;
  }
}

/** The budget a request carries in ky's per-request `context`, if any. */
export function budgetIn(context: Record<string, unknown>): AttemptBudget | undefined {
  const budget = context.attemptBudget;
  return budget instanceof AttemptBudget ? budget : undefined;
}
