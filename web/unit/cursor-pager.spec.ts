import { describe, expect, it } from 'vitest';
import { CursorPager, type CursorPage } from '../src/ui/cursor-pager';

type Item = { id: string };
const page = (ids: string[], nextCursor: string | null): CursorPage<Item> => ({ items: ids.map((id) => ({ id })), nextCursor });

describe('cursor paging', () => {
  it('loads the first page, then each next cursor, until the end', async () => {
    const asked: Array<string | undefined> = [];
    const pages: Record<string, CursorPage<Item>> = { first: page(['a', 'b'], 'c1'), c1: page(['c', 'd'], 'c2'), c2: page(['e'], null) };
    const pager = new CursorPager<Item>(async (cursor) => {
      asked.push(cursor);
      return pages[cursor ?? 'first'] ?? page([], null);
    }, (item) => item.id);
    expect(pager.hasMore).toBe(false);
    await pager.loadMore();
    expect(pager.hasMore).toBe(true);
    await pager.loadMore();
    await pager.loadMore();
    expect(pager.items.map((item) => item.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(pager.hasMore).toBe(false);
    expect(await pager.loadMore()).toBe(0);
    expect(asked).toEqual([undefined, 'c1', 'c2']);
  });

  it('never shows an item twice when the list shifted between pages', async () => {
    const pages = [page(['a', 'b'], 'x'), page(['b', 'c'], null)];
    const pager = new CursorPager<Item>(async () => pages.shift() ?? page([], null), (item) => item.id);
    await pager.loadMore();
    expect(await pager.loadMore()).toBe(1);
    expect(pager.items.map((item) => item.id)).toEqual(['a', 'b', 'c']);
  });

  it('drops a page that arrives after a reset (new filters)', async () => {
    let release: (value: CursorPage<Item>) => void = () => undefined;
    const pager = new CursorPager<Item>(() => new Promise((resolve) => (release = resolve)), (item) => item.id);
    const stale = pager.loadMore();
    pager.reset(async () => page(['fresh'], null));
    release(page(['old'], 'more'));
    expect(await stale).toBe(0);
    await pager.loadMore();
    expect(pager.items.map((item) => item.id)).toEqual(['fresh']);
    expect(pager.hasMore).toBe(false);
  });
});
