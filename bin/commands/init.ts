import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packageFile, tedlabVersion } from '../../engine/package-files.ts';
import { parseCommand } from './command-line.ts';

/**
 * `tedlab init [DIR]`: a suite that passes, to start from: a feature and its lab, package.json
 * scripts, the topology schema wired for editors, a .gitignore for reports and an example CI
 * workflow that keeps the report's history. Files that exist are left as they are.
 */

export const INIT_USAGE = `usage: tedlab init [DIR]

Makes DIR (default: this folder) a tedlab project that passes: features/two-sites.feature, its
lab labs/two-sites/ (topology and two router configurations), package.json scripts, the
topology schema wired for VS Code, a .gitignore for reports and .github/workflows/tedlab.yml.
Existing files are kept.

  -h, --help         this text
`;

const TEMPLATE = packageFile('bin/init/template');
/** Template names without their leading dot: npm would drop or rename dot files when packing. */
const DOTTED: Record<string, string> = { gitignore: '.gitignore', vscode: '.vscode', github: '.github' };
const SCRIPTS = { tedlab: 'tedlab run', 'tedlab:report': 'tedlab report' };

function templateFiles(dir = TEMPLATE): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? templateFiles(full) : [path.relative(TEMPLATE, full)];
  });
}

function targetOf(relative: string): string {
  const [first = '', ...rest] = relative.split(path.sep);
  return path.join(DOTTED[first] ?? first, ...rest);
}

/** Adds tedlab's scripts without touching what is there. */
function packageJson(dir: string): string {
  const file = path.join(dir, 'package.json');
  if (!existsSync(file)) {
    const manifest = {
      name: path.basename(path.resolve(dir)).toLowerCase().replace(/[^a-z0-9-]/g, '-') || 'ipsec-lab',
      private: true,
      // tedlab's library is an ES module: a script of the project's own imports it.
      type: 'module',
      scripts: SCRIPTS,
    };
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    return `created ${file}`;
  }
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { scripts?: Record<string, string> };
  const scripts = { ...manifest.scripts };
  const added = Object.entries(SCRIPTS).filter(([name]) => scripts[name] === undefined);
  if (added.length === 0) return `kept ${file} (its tedlab scripts are there)`;
  for (const [name, command] of added) scripts[name] = command;
  writeFileSync(file, `${JSON.stringify({ ...manifest, scripts }, null, 2)}\n`);
  return `added the scripts ${added.map(([name]) => name).join(', ')} to ${file}`;
}

export async function initCommand(args: string[]): Promise<number> {
  const parsed = parseCommand('init', args, {}, INIT_USAGE);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length > 1) {
    process.stderr.write(`tedlab init: name at most one folder\n${INIT_USAGE}`);
    return 2;
  }
  const dir = parsed.positionals[0] ?? '.';
  mkdirSync(dir, { recursive: true });
  const lines: string[] = [];
  for (const relative of templateFiles()) {
    const target = path.join(dir, targetOf(relative));
    if (existsSync(target)) {
      lines.push(`kept ${target}`);
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(path.join(TEMPLATE, relative), target);
    lines.push(`created ${target}`);
  }
  lines.push(packageJson(dir));
  const where = dir === '.' ? '' : `cd ${dir} && `;
  // tedlab is not on the npm registry: a project installs a tarball made with npm pack.
  const install = existsSync(path.join(dir, 'node_modules', 'tedlab')) ? ''
    : `npm install --save-dev path/to/tedlab-${tedlabVersion()}.tgz (npm pack in tedlab's clone makes it), then `;
  process.stdout.write(`${lines.join('\n')}\n\nNext: ${where}${install}npx tedlab run\n`);
  return 0;
}
