// Identical requests in flight at the same time share one upstream request. It is cancelled only
// when every caller waiting on it has given up, so one cancelled call never fails the others.

interface Entry<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
}

export class SharedRequests<T> {
  readonly #inflight = new Map<string, Entry<T>>();

  get size(): number {
    return this.#inflight.size;
  }

  run(key: string, signal: AbortSignal | undefined, start: (signal: AbortSignal) => Promise<T>): Promise<T> {
    let entry = this.#inflight.get(key);
    if (!entry) {
      const controller = new AbortController();
      const created: Entry<T> = {
        promise: start(controller.signal).finally(() => this.#forget(key, created)),
        controller,
        waiters: 0,
      };
      entry = created;
      this.#inflight.set(key, entry);
    }
    const shared = entry;
    shared.waiters += 1;
    if (!signal) return shared.promise;
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        shared.waiters -= 1;
        if (shared.waiters === 0) {
          // Forgotten at once, not when it settles: an identical call arriving meanwhile must start
          // afresh rather than join a request that is being cancelled.
          this.#forget(key, shared);
          shared.controller.abort(signal.reason);
        }
        reject(signal.reason);
      };
      if (signal.aborted) return leave();
      signal.addEventListener("abort", leave, { once: true });
      shared.promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", leave));
    });
  }

  /** Removes the entry only if it is still this request's: a newer one may have taken the key. */
  #forget(key: string, entry: Entry<T>): void {
    if (this.#inflight.get(key) === entry) this.#inflight.delete(key);
  }
}
