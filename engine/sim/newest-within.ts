/**
 * The newest items whose sizes add up to at most a limit (a capture's frames, a console's
 * lines): older items are cut, counted, and their memory given back now and then. The newest
 * item is always kept, however large. Used by link captures and router consoles.
 */
export class NewestWithin<T> {
  private items: T[] = [];
  /** Items before `first` are cut; the array is compacted when they are most of it. */
  private first = 0;
  private keptSize = 0;
  private cutCount = 0;
  private cutTotal = 0;
  private lastCutItem: T | undefined;

  constructor(readonly limit: number, private readonly sizeOf: (item: T) => number) {}

  push(item: T): void {
    this.items.push(item);
    this.keptSize += this.sizeOf(item);
    while (this.keptSize > this.limit && this.first < this.items.length - 1) {
      const oldest = this.items[this.first]!;
      this.keptSize -= this.sizeOf(oldest);
      this.cutCount++;
      this.cutTotal += this.sizeOf(oldest);
      this.lastCutItem = oldest;
      this.first++;
    }
    if (this.first > 4096 && this.first * 2 > this.items.length) {
      this.items = this.items.slice(this.first);
      this.first = 0;
    }
  }

  /** The items kept, oldest first. */
  kept(): T[] {
    return this.items.slice(this.first);
  }

  /** The kept items from the `index`-th item ever pushed on (cut ones are gone). */
  keptFrom(index: number): T[] {
    return this.items.slice(this.first + Math.max(0, index - this.cutCount));
  }

  /** The kept items, newest first, for a search that ends early. */
  *newestFirst(): Generator<T> {
    for (let index = this.items.length - 1; index >= this.first; index--) yield this.items[index]!;
  }

  get keptCount(): number {
    return this.items.length - this.first;
  }

  /** Every item ever pushed, and the size of them all, cut ones included. */
  get pushedCount(): number {
    return this.cutCount + this.keptCount;
  }

  get pushedSize(): number {
    return this.cutTotal + this.keptSize;
  }

  /** How many items were cut, their total size and the newest of them; undefined while none was. */
  get cut(): { count: number; size: number; newest: T } | undefined {
    return this.lastCutItem === undefined ? undefined : { count: this.cutCount, size: this.cutTotal, newest: this.lastCutItem };
  }
}
