/**
 * Values kept in lists by key, each list in the order its values were added: an index beside a
 * table that must still be walked in order (a link's ends by MAC, a router's ISAKMP SAs by peer).
 */
export class KeyedLists<K, V> {
  private readonly lists = new Map<K, V[]>();

  add(key: K, value: V): void {
    const list = this.lists.get(key);
    if (list === undefined) this.lists.set(key, [value]);
    else list.push(value);
  }

  /** Removes one occurrence of `value` under `key`; a list left empty goes. */
  remove(key: K, value: V): void {
    const list = this.lists.get(key);
    const index = list?.indexOf(value) ?? -1;
    if (list === undefined || index < 0) return;
    list.splice(index, 1);
    if (list.length === 0) this.lists.delete(key);
  }

  /** The values under `key`, oldest first; empty when there are none. */
  get(key: K): readonly V[] {
    return this.lists.get(key) ?? NONE;
  }
}

const NONE: readonly never[] = [];
