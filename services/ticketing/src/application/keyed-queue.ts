/**
 * Runs tasks with the same key one after another within this process. Hundreds of checkouts
 * racing on one inventory document would otherwise mostly lose the version check and retry;
 * queuing them turns that into one write each. Correctness never depends on it: the
 * version-guarded write still decides, across replicas too.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
