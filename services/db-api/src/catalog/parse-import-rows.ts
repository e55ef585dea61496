import { parse as parseCsv } from 'csv-parse/sync';
import { CATALOG_CSV_COLUMNS, CatalogImportJson, CatalogItemInput, MAX_CATALOG_IMPORT_ROWS, type CatalogImportResponse } from '@vocalia/contracts';
import { AppError, findNul } from '@vocalia/service-kit';

export interface ImportRows {
  items: CatalogItemInput[];
  errors: CatalogImportResponse['errors'];
}

const badBody = (message: string) => new AppError('VALIDATION_FAILED', `body: ${message}`, { errors: [{ path: 'body', message }] });

/** CSV cells are strings: numbers become numbers, empty optional cells are left out. */
function fromCsvRecord(record: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, raw] of Object.entries(record)) {
    const value = raw.trim();
    if (value === '' && column !== 'sku' && column !== 'name' && column !== 'price') continue;
    const key = column === 'image_url' ? 'imageUrl' : column;
    out[key] = (key === 'price' || key === 'stock') && value !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
  }
  return out;
}

/** Stops one row past the import limit: a file over it is refused without parsing the rest. */
export function recordsFromCsv(text: string): Record<string, unknown>[] {
  let records: Record<string, string>[];
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ''), { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, relax_column_count: false, to: MAX_CATALOG_IMPORT_ROWS + 1 });
  } catch (err) {
    throw badBody(`not valid CSV (${err instanceof Error ? err.message : 'unreadable'}); expected the header row ${CATALOG_CSV_COLUMNS.join(',')}`);
  }
  const unknown = Object.keys(records[0] ?? {}).filter((c) => !(CATALOG_CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) throw badBody(`unknown column(s) ${unknown.join(', ')}; the header row is ${CATALOG_CSV_COLUMNS.join(',')}`);
  return records.map(fromCsvRecord);
}

export function recordsFromJson(body: unknown): unknown[] {
  const parsed = CatalogImportJson.safeParse(body);
  if (!parsed.success) throw badBody('expected a JSON array of items, or {"items": [...]}');
  return Array.isArray(parsed.data) ? parsed.data : parsed.data.items;
}

export function recordsFromJsonText(text: string): unknown[] {
  try {
    return recordsFromJson(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw badBody('the .json file is not valid JSON');
  }
}

/** Validates every row (rows are numbered from 1, header excluded); a sku may appear once per import. */
export function validateRows(records: unknown[]): ImportRows {
  if (!records.length) throw badBody('no rows to import');
  if (records.length > MAX_CATALOG_IMPORT_ROWS) throw badBody(`at most ${MAX_CATALOG_IMPORT_ROWS} rows per import`);
  const items: CatalogItemInput[] = [];
  const errors: ImportRows['errors'] = [];
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const row = index + 1;
    const nul = findNul(record, 'row');
    if (nul.length) {
      errors.push(...nul.map((f) => ({ row, message: `${f.path.replace(/^row\.?/, '') || 'row'}: ${f.message}` })));
      return;
    }
    const parsed = CatalogItemInput.safeParse(record);
    if (!parsed.success) {
      errors.push(...parsed.error.issues.map((i) => ({ row, message: `${i.path.join('.') || 'row'}: ${i.message}` })));
      return;
    }
    const first = seen.get(parsed.data.sku);
    if (first) errors.push({ row, message: `sku: "${parsed.data.sku}" already appears on row ${first}` });
    else seen.set(parsed.data.sku, row);
    items.push(parsed.data);
  });
  return { items, errors };
}
