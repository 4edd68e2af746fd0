/**
 * Where Allure's Cucumber formatter writes a run's results. Allure's own file-system writer
 * syncs every file to disk and publishes it through a temporary file, which took a quarter of a
 * whole suite's run (one fsync per attachment of every scenario). A run's results are rewritten
 * by the next run and worth nothing after a crash, so this writer just writes them.
 *
 * It writes in the background, on libuv's thread pool: creating a file costs about half a
 * millisecond on the machines measured, and a suite writes thousands (each step's output, each
 * router's console, each capture), which made the process that runs the scenarios (or, with
 * --parallel, the coordinator the workers wait on) spend a sixth of the run in open(2). Writes
 * of one file keep their order; `flushed()` resolves when every write is on disk, and rejects
 * with the first write that failed.
 */
import { copyFile, mkdir, writeFile } from 'node:fs';
import path from 'node:path';
import { stringifyEnvInfo, type Writer } from 'allure-js-commons/sdk/reporter';

type WriterArgument<M extends keyof Writer> = Parameters<Writer[M]>[0];

/**
 * A callback-style file operation as a promise. node:fs/promises costs the calling thread three
 * times as much per file (its FileHandle bookkeeping): 147 against 49 ms for 4,000 files.
 */
function settled(operation: (done: (error: NodeJS.ErrnoException | null) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => operation((error) => (error ? reject(error) : resolve())));
}

export class ResultsWriter implements Writer {
  private readonly folder: Promise<unknown>;
  /** The last write of each file: a later write of the same file starts after it. */
  private readonly lastWrite = new Map<string, Promise<void>>();
  private firstFailure: Error | undefined;

  constructor(private readonly resultsDir: string) {
    this.folder = settled((done) => mkdir(resultsDir, { recursive: true }, done)).catch((error: unknown) => this.noteFailure(error));
  }

  writeResult(result: WriterArgument<'writeResult'>): void {
    this.write(`${result.uuid}-result.json`, JSON.stringify(result));
  }

  writeGroup(result: WriterArgument<'writeGroup'>): void {
    this.write(`${result.uuid}-container.json`, JSON.stringify(result));
  }

  writeAttachment(distFileName: string, content: Buffer): void {
    this.write(distFileName, content);
  }

  writeAttachmentFromPath(distFileName: string, from: string): void {
    this.schedule(distFileName, (file) => settled((done) => copyFile(from, file, done)));
  }

  writeEnvironmentInfo(info: WriterArgument<'writeEnvironmentInfo'>): void {
    this.write('environment.properties', stringifyEnvInfo(info));
  }

  writeCategoriesDefinitions(categories: WriterArgument<'writeCategoriesDefinitions'>): void {
    this.write('categories.json', JSON.stringify(categories));
  }

  writeGlobals(distFileName: string, info: Parameters<Writer['writeGlobals']>[1]): void {
    this.write(distFileName, JSON.stringify(info));
  }

  /** Resolves once every file written so far is written; rejects with the first failure. */
  async flushed(): Promise<void> {
    while (this.lastWrite.size > 0) await Promise.all([...this.lastWrite.values()]);
    if (this.firstFailure !== undefined) throw this.firstFailure;
  }

  private noteFailure(error: unknown): void {
    this.firstFailure ??= error instanceof Error ? error : new Error(String(error));
  }

  private write(name: string, content: string | Buffer): void {
    this.schedule(name, (file) => settled((done) => writeFile(file, content, done)));
  }

  private schedule(name: string, action: (file: string) => Promise<void>): void {
    const file = path.join(this.resultsDir, name);
    const after = this.lastWrite.get(file) ?? this.folder;
    const done: Promise<void> = after
      .then(() => action(file))
      .catch((error: unknown) => this.noteFailure(error))
      .finally(() => {
        if (this.lastWrite.get(file) === done) this.lastWrite.delete(file);
      });
    this.lastWrite.set(file, done);
  }
}
