import { Worker } from 'node:worker_threads';

/**
 * Files written by a thread of their own. Creating a file costs the calling thread a tenth of a
 * millisecond even through libuv's pool (measured: 0.4-0.5 s of a 5 s suite, which writes ~4,000
 * result files), where handing the bytes to a worker thread costs it a few microseconds. The
 * thread writes in the order it is given, so later writes of a file land last; `flushed()`
 * resolves when everything handed over is written and rejects with the first failure.
 */

type Order =
  | { readonly kind: 'folder'; readonly path: string }
  | { readonly kind: 'write'; readonly path: string; readonly content: string | Uint8Array }
  | { readonly kind: 'copy'; readonly from: string; readonly path: string }
  | { readonly kind: 'flush'; readonly id: number };

type Reply = { readonly id: number; readonly failure?: string };

// Plain JavaScript as a data: URL module: the thread needs no loader, whether tedlab runs from its
// TypeScript source or its build, and whatever module type the process was started with.
const THREAD = `
import { parentPort } from 'node:worker_threads';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
let failure;
parentPort.on('message', (order) => {
  if (order.kind === 'flush') {
    parentPort.postMessage({ id: order.id, failure });
    return;
  }
  if (failure !== undefined) return;
  try {
    if (order.kind === 'folder') mkdirSync(order.path, { recursive: true });
    else if (order.kind === 'write') writeFileSync(order.path, order.content);
    else copyFileSync(order.from, order.path);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
});
`;
const THREAD_URL = new URL(`data:text/javascript,${encodeURIComponent(THREAD)}`);

export class BackgroundFiles {
  private worker: Worker | undefined;
  private nextFlush = 0;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();

  makeFolder(folder: string): void {
    this.send({ kind: 'folder', path: folder });
  }

  write(file: string, content: string | Uint8Array): void {
    this.send({ kind: 'write', path: file, content });
  }

  copy(from: string, file: string): void {
    this.send({ kind: 'copy', from, path: file });
  }

  /** Resolves when every file handed over so far is written. */
  flushed(): Promise<void> {
    if (this.worker === undefined) return Promise.resolve();
    // Awaited writes keep the process alive; otherwise the thread does not (a crash must not hang).
    this.worker.ref();
    const id = this.nextFlush++;
    const done = new Promise<void>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.send({ kind: 'flush', id });
    return done;
  }

  private send(order: Order): void {
    this.thread().postMessage(order);
  }

  private thread(): Worker {
    if (this.worker === undefined) {
      // No execArgv of this process (tsx's loader, a profiler): the thread runs plain JavaScript.
      const worker = new Worker(THREAD_URL, { execArgv: [] });
      worker.on('message', (reply: Reply) => this.answer(worker, reply));
      worker.on('error', (error) => this.failAll(error));
      // After the listeners: adding a 'message' listener refs the worker again.
      worker.unref();
      this.worker = worker;
    }
    return this.worker;
  }

  private answer(worker: Worker, reply: Reply): void {
    const waiter = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    // Nothing more is awaited: the thread stays for later writes but no longer holds the process.
    if (this.waiting.size === 0) worker.unref();
    if (reply.failure === undefined) waiter?.resolve();
    else waiter?.reject(new Error(reply.failure));
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
    this.worker = undefined;
  }
}
