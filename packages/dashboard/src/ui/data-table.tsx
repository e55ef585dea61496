import type { ComponentChild } from 'preact';
import { t } from '../i18n';
import { FormError } from './field';

export interface Column<T> {
  /** The header text; a column of actions gets a visually hidden one. */
  header: string;
  hiddenHeader?: boolean;
  cell: (row: T) => ComponentChild;
  /** `ltr` for e-mail addresses, phone numbers and URLs inside right-to-left pages. */
  dir?: 'ltr';
}

/** The list pages' table: its problem above, one row per item, "Nothing yet." when empty, scrolling sideways on a phone. */
export function DataTable<T>({ name, columns, rows, rowKey, error }: { name: string; columns: Column<T>[]; rows: T[] | undefined; rowKey: (row: T) => string; error?: string }) {
  return (
    <>
      <FormError message={error} />
      <div class="table-wrap">
        <table data-test={name}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col" key={c.header}>
                  {c.hiddenHeader ? <span class="visually-hidden">{c.header}</span> : c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows?.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.header} dir={c.dir}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows?.length === 0 && <p>{t('none')}</p>}
    </>
  );
}
