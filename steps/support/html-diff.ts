/**
 * A failed comparison as the report shows it best: the reference and the actual text side by
 * side, as printed (columns and indentation intact), deleted lines red, inserted lines green, and
 * within a changed line the part that changed marked. A self-contained HTML page that Allure
 * shows in its attachment frame.
 */
import { diffLines, escapeMarkup, type Edit } from '../../engine/lab/index.ts';

export interface HtmlDiffInput {
  readonly title: string;
  readonly referenceLabel: string;
  readonly referenceLines: readonly string[];
  readonly actualLines: readonly string[];
  /** Lines said above the table, such as the protocol facts that differ. */
  readonly notes?: readonly string[];
}

/** One row of the side-by-side view; a side is undefined where that text has no line. */
interface Row {
  readonly kind: 'equal' | 'change';
  readonly reference?: { number: number; text: string };
  readonly actual?: { number: number; text: string };
}

const STYLE = `
body { font: 13px/1.4 system-ui, sans-serif; margin: 12px; color: #1f2328; }
table { border-collapse: collapse; font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; }
th { text-align: left; font-weight: 600; padding: 2px 8px; border-bottom: 1px solid #d0d7de; }
td { white-space: pre; padding: 0 8px; vertical-align: top; }
td.number { color: #8c959f; text-align: right; user-select: none; }
td.deleted { background: #ffebe9; } td.deleted mark { background: #ff818266; }
td.inserted { background: #e6ffec; } td.inserted mark { background: #4ac26b66; }
mark { color: inherit; }
ul.notes { margin: 0 0 10px; padding-left: 20px; }`;


/** Pairs each run of deleted lines with the inserted lines after it, row by row. */
function sideBySide(edits: readonly Edit[]): Row[] {
  const rows: Row[] = [];
  let referenceNumber = 0;
  let actualNumber = 0;
  for (let at = 0; at < edits.length;) {
    if (edits[at]!.kind === 'equal') {
      const line = edits[at++]!.line;
      rows.push({ kind: 'equal', reference: { number: ++referenceNumber, text: line }, actual: { number: ++actualNumber, text: line } });
      continue;
    }
    const deleted: string[] = [];
    const inserted: string[] = [];
    for (; at < edits.length && edits[at]!.kind === 'delete'; at++) deleted.push(edits[at]!.line);
    for (; at < edits.length && edits[at]!.kind === 'insert'; at++) inserted.push(edits[at]!.line);
    for (let index = 0; index < Math.max(deleted.length, inserted.length); index++) {
      const reference = deleted[index];
      const actual = inserted[index];
      rows.push({
        kind: 'change',
        ...(reference === undefined ? {} : { reference: { number: ++referenceNumber, text: reference } }),
        ...(actual === undefined ? {} : { actual: { number: ++actualNumber, text: actual } }),
      });
    }
  }
  return rows;
}

/** The text with its middle marked: what lies between the prefix and the suffix it shares with `other`. */
function markChange(text: string, other: string | undefined): string {
  if (other === undefined) return escapeMarkup(text);
  let prefix = 0;
  while (prefix < text.length && prefix < other.length && text[prefix] === other[prefix]) prefix++;
  let suffix = 0;
  while (suffix < text.length - prefix && suffix < other.length - prefix
    && text[text.length - 1 - suffix] === other[other.length - 1 - suffix]) suffix++;
  const middle = text.slice(prefix, text.length - suffix);
  if (middle === '') return escapeMarkup(text);
  return `${escapeMarkup(text.slice(0, prefix))}<mark>${escapeMarkup(middle)}</mark>${escapeMarkup(text.slice(text.length - suffix))}`;
}

function cells(side: Row['reference'], other: Row['reference'], changeClass: string, changed: boolean): string {
  if (side === undefined) return '<td class="number"></td><td></td>';
  const text = changed ? markChange(side.text, other?.text) : escapeMarkup(side.text);
  return `<td class="number">${side.number}</td><td${changed ? ` class="${changeClass}"` : ''}>${text}</td>`;
}

function renderRow(row: Row): string {
  const changed = row.kind === 'change';
  return `<tr>${cells(row.reference, row.actual, 'deleted', changed)}${cells(row.actual, row.reference, 'inserted', changed)}</tr>`;
}

/** The whole page. */
export function htmlDiff(input: HtmlDiffInput): string {
  const rows = sideBySide(diffLines(input.referenceLines, input.actualLines));
  const notes = input.notes === undefined || input.notes.length === 0
    ? ''
    : `<ul class="notes">${input.notes.map((note) => `<li>${escapeMarkup(note)}</li>`).join('')}</ul>`;
  return [
    '<!DOCTYPE html>',
    `<html><head><meta charset="utf-8"><title>${escapeMarkup(input.title)}</title><style>${STYLE}</style></head><body>`,
    notes,
    `<table><thead><tr><th colspan="2">${escapeMarkup(input.referenceLabel)}</th><th colspan="2">actual</th></tr></thead>`,
    '<tbody>',
    ...rows.map(renderRow),
    '</tbody></table>',
    '</body></html>',
    '',
  ].join('\n');
}
