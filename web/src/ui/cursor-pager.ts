/**
 * Cursor paging as the lists show it: the first page, then "more" appends the next one.
 * Items already shown are not repeated (a list may shift between pages), a reset while a
 * page is loading discards that page, and the end is known when the cursor is null.
 */

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export type PageLoader<T> = (cursor: string | undefined) => Promise<CursorPage<T>>;

export class CursorPager<T> {
  items: T[] = [];
  nextCursor: string | null = null;
  loaded = false;
  private generation = 0;

  constructor(
    private load: PageLoader<T>,
    private readonly keyOf: (item: T) => string,
  ) {}

  get hasMore(): boolean {
    return this.loaded && this.nextCursor !== null;
  }

  /** Starts over (new filters): the next `loadMore` loads the first page. */
  reset(load?: PageLoader<T>): void {
    if (load !== undefined) this.load = load;
    this.generation += 1;
    this.items = [];
    this.nextCursor = null;
    this.loaded = false;
  }

  /** Loads the first page, or the next one; returns the number of new items added. */
  async loadMore(): Promise<number> {
    if (this.loaded && this.nextCursor === null) return 0;
    const generation = this.generation;
    const page = await this.load(this.loaded ? (this.nextCursor ?? undefined) : undefined);
    if (generation !== this.generation) return 0; // reset meanwhile: this page belongs to old filters
    const seen = new Set(this.items.map(this.keyOf));
    const fresh = page.items.filter((item) => !seen.has(this.keyOf(item)));
    this.items = [...this.items, ...fresh];
    this.nextCursor = page.nextCursor;
    this.loaded = true;
    return fresh.length;
  }
}
