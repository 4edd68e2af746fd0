/**
 * Where Allure's Cucumber formatter writes a run's results. Allure's own file-system writer
 * syncs every file to disk and publishes it through a temporary file, which took a quarter of a
 * whole suite's run (one fsync per attachment of every scenario). A run's results are rewritten
 * by the next run and worth nothing after a crash, so this writer just writes them.
 *
 * It writes in the background, on a thread of its own (background-files.ts): creating a file
 * costs the calling thread a tenth of a millisecond even through libuv's pool, and a suite writes
 * thousands (each step's output, each router's console, each capture) from the thread that runs
 * the scenarios (or, with --parallel, the coordinator the workers report to). Writes of one file
 * keep their order; `flushed()` resolves when every write is on disk, and rejects with the first
 * write that failed.
 */
import path from 'node:path';
import { stringifyEnvInfo, type Writer } from 'allure-js-commons/sdk/reporter';
import { BackgroundFiles } from './background-files.ts';

type WriterArgument<M extends keyof Writer> = Parameters<Writer[M]>[0];

export class ResultsWriter implements Writer {
  private readonly files = new BackgroundFiles();

  constructor(private readonly resultsDir: string) {
    this.files.makeFolder(resultsDir);
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
    this.files.copy(from, path.join(this.resultsDir, distFileName));
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
  flushed(): Promise<void> {
    return this.files.flushed();
  }

  private write(name: string, content: string | Buffer): void {
    this.files.write(path.join(this.resultsDir, name), content);
  }
}
