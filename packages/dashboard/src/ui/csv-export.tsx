import { t } from '../i18n';

/** RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula. */
function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv<T extends Record<string, unknown>>(rows: T[], columns: (keyof T & string)[]): string {
  return [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join('\r\n');
}

/** Downloads the rows currently listed as a CSV file built in the browser. */
export function CsvExportButton<T extends Record<string, unknown>>({ rows, columns, filename }: { rows: T[]; columns: (keyof T & string)[]; filename: string }) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([toCsv(rows, columns)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <button type="button" class="secondary" onClick={download} disabled={rows.length === 0}>
      {t('exportCsv')}
    </button>
  );
}
