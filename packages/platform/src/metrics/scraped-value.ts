/**
 * A value read when Prometheus scrapes (a count in MongoDB, a client count), bounded in time: a
 * scrape must answer while the database is away, so a read that takes longer than `timeoutMs`
 * (or fails) reports the last value it got, and no second read starts while one is still
 * running. Without a source the value is 0.
 */
export class ScrapedValue {
  private read: (() => number | Promise<number>) | undefined;
  private last = 0;
  private running: Promise<void> | undefined;

  constructor(private readonly timeoutMs: number) {}

  /** Where the value comes from; a later call replaces the source. */
  readFrom(read: () => number | Promise<number>): void {
    this.read = read;
  }

  async current(): Promise<number> {
    const read = this.read;
    if (read === undefined) return 0;
    this.running ??= Promise.resolve()
      .then(read)
      .then(
        (value) => {
          if (Number.isFinite(value)) this.last = value;
        },
        () => undefined,
      )
      .finally(() => {
        this.running = undefined;
      });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.timeoutMs);
    });
    await Promise.race([this.running, deadline]);
    clearTimeout(timer);
    return this.last;
  }
}
