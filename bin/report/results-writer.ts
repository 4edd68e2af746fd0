/**
 * Where Allure's Cucumber formatter writes a run's results. Allure's own file-system writer
 * syncs every file to disk and publishes it through a temporary file, which took a quarter of a
 * whole suite's run (one fsync per attachment of every scenario). A run's results are rewritten
 * by the next run and worth nothing after a crash, so this writer just writes them.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringifyEnvInfo, type Writer } from 'allure-js-commons/sdk/reporter';

type WriterArgument<M extends keyof Writer> = Parameters<Writer[M]>[0];

export class ResultsWriter implements Writer {
  constructor(private readonly resultsDir: string) {}

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
    copyFileSync(from, this.pathOf(distFileName));
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

  private pathOf(name: string): string {
    mkdirSync(this.resultsDir, { recursive: true });
    return path.join(this.resultsDir, name);
  }

  private write(name: string, content: string | Buffer): void {
    writeFileSync(this.pathOf(name), content);
  }
}
