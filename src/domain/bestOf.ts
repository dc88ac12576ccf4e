/**
 * The best `capacity` items of a stream, in order, kept by a bounded insertion: offering n items costs O(n)
 * comparisons while most are rejected against the current worst, instead of sorting every item. Search keeps
 * its best matches with it, listing the first pages of a sorted list.
 */
export class BestOf<T> {
  private readonly items: T[] = [];

  /** `compare` < 0 when its first argument is better; items that compare equal keep the order they came in. */
  constructor(
    private readonly capacity: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  /** The last item kept, once the list is full (until then anything gets in). */
  worstWhenFull(): T | undefined {
    return this.items.length >= this.capacity ? this.items[this.items.length - 1] : undefined;
  }

  offer(item: T): void {
    if (this.capacity <= 0) return;
    const list = this.items;
    const worst = this.worstWhenFull();
    if (worst !== undefined && this.compare(item, worst) >= 0) return;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const probe = list[mid];
      if (probe !== undefined && this.compare(probe, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, item);
    if (list.length > this.capacity) list.pop();
  }

  /** The items kept, best first. */
  values(): readonly T[] {
    return this.items;
  }
}
