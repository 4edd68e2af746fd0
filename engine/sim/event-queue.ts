/** A binary min-heap of events ordered by (time, sequence): equal times keep insertion order. */
export interface QueuedEvent {
  readonly time: number;
  readonly seq: number;
  readonly action: () => void;
  cancelled: boolean;
  /** Set when the event has run. */
  fired: boolean;
}

export class EventQueue {
  private readonly heap: QueuedEvent[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(event: QueuedEvent): void {
    this.heap.push(event);
    this.siftUp(this.heap.length - 1);
  }

  peek(): QueuedEvent | undefined {
    return this.heap[0];
  }

  pop(): QueuedEvent | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (top !== undefined && last !== undefined && this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  // (time, seq) is a total order (seq is unique), so any correct heap pops the same sequence.
  // The sifts move a hole instead of swapping: every event of a lab passes through here.
  private siftUp(index: number): void {
    const heap = this.heap;
    const moving = heap[index]!;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = heap[parent]!;
      if (!before(moving, above)) break;
      heap[i] = above;
      i = parent;
    }
    heap[i] = moving;
  }

  private siftDown(index: number): void {
    const heap = this.heap;
    const length = heap.length;
    const moving = heap[index]!;
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= length) break;
      const right = left + 1;
      const child = right < length && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, moving)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = moving;
  }
}

function before(a: QueuedEvent, b: QueuedEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
