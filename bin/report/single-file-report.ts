/**
 * Reads the data inside a single-file Allure report. `allure generate --single-file` inlines every
 * file the report is made of as `d('<path>','<base64>')`: the history of the run, the widgets'
 * figures, the categories, each test case.
 */
const ENTRY = /d\('([\w./-]+)','([A-Za-z0-9+/=]*)'\)/g;

/** The files below `folder` (e.g. `history`), by their path relative to it. */
export function embeddedFiles(html: string, folder: string): Map<string, Buffer> {
  const prefix = `${folder.replace(/\/$/, '')}/`;
  const files = new Map<string, Buffer>();
  for (const [, file, base64] of html.matchAll(ENTRY)) {
    if (file!.startsWith(prefix)) files.set(file!.slice(prefix.length), Buffer.from(base64!, 'base64'));
  }
  return files;
}

/** One embedded JSON file (e.g. `widgets/summary.json`), parsed; undefined when the report has none. */
export function embeddedJson(html: string, file: string): unknown {
  const slash = file.lastIndexOf('/');
  const content = embeddedFiles(html, file.slice(0, slash)).get(file.slice(slash + 1));
  return content === undefined ? undefined : JSON.parse(content.toString('utf8'));
}
