/**
 * At most `n` tasks at once, the rest waiting in the order they were given: what keeps the fleet polite to the
 * EC2 API (ATLAS_FLEET_CONCURRENCY account-regions loading at a time, each with its own parallel Describe calls).
 */
export interface Limiter {
  /**
   * Runs `task` when a slot is free; resolves or rejects with it. An `urgent` task goes before every waiting task
   * that is not (the fleet's loads before its region listings, so the first rows do not wait for every listing).
   */
  run<T>(task: () => Promise<T>, options?: { urgent?: boolean }): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly waiting: number;
}

/**
 * A limiter of `n` (1 or more) slots. With `firstAlone`, one task runs until one has finished, then `n` at a time:
 * for CPU-bound tasks sharing one thread, where two at once would finish the first only after both tasks' work.
 */
export function createLimiter(n: number, options: { firstAlone?: boolean } = {}): Limiter {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`a limiter needs 1 or more slots, not ${n}`);
  let slots = options.firstAlone ? 1 : n;
  let active = 0;
  const urgent: Array<() => void> = [];
  const queue: Array<() => void> = [];
  const next = () => {
    if (active >= slots) return;
    const start = urgent.shift() ?? queue.shift();
    if (start) start();
  };
  return {
    run<T>(task: () => Promise<T>, options: { urgent?: boolean } = {}): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        (options.urgent ? urgent : queue).push(() => {
          active += 1;
          // A task that throws synchronously is a rejected task, and frees its slot like one.
          Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => {
              active -= 1;
              if (slots < n) slots = n;
              while (active < slots && urgent.length + queue.length > 0) next();
            });
        });
        next();
      });
    },
    get active() {
      return active;
    },
    get waiting() {
      return urgent.length + queue.length;
    },
  };
}
