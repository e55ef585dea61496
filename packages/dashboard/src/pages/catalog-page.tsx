import { useState } from 'preact/hooks';
import type { CatalogImportResponse } from '@vocalia/contracts';
import { t } from '../i18n';
import { api } from '../session/client';
import { Field, FormError } from '../ui/field';
import { PlanGate } from '../ui/plan-gate';
import { Shell } from '../ui/shell';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';

function Catalog() {
  const items = useLoad(() => api.catalog.list({ limit: 100 }));
  const [sku, setSku] = useState('');
  const [name, setName] = useState('');
  const [price, setPrice] = useState('');
  const [imported, setImported] = useState<CatalogImportResponse>();
  const { busy, problem, submit } = useSubmit();
  const add = async (e: Event) => {
    e.preventDefault();
    if (await submit(() => api.catalog.create({ sku, name, price: Number(price) }))) {
      setSku('');
      setName('');
      setPrice('');
      items.reload();
    }
  };
  const importFile = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    const csv = await file.text();
    const result = await submit(() => api.catalog.importCsv(csv));
    if (result) {
      setImported(result);
      items.reload();
    }
  };
  return (
    <>
      <FormError message={items.error} />
      <div class="table-wrap">
        <table data-test="catalog">
          <thead>
            <tr>
              <th scope="col">{t('sku')}</th>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('price')}</th>
              <th scope="col">{t('stock')}</th>
            </tr>
          </thead>
          <tbody>
            {items.data?.items.map((i) => (
              <tr key={i.id}>
                <td dir="ltr">{i.sku}</td>
                <td>{i.name}</td>
                <td>
                  {i.price} {i.currency}
                </td>
                <td>{i.stock}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={add} noValidate class="inline">
        <Field label={t('sku')} name="sku" dir="ltr" value={sku} onInput={setSku} error={problem.fields.sku} />
        <Field label={t('name')} name="item-name" value={name} onInput={setName} error={problem.fields.name} />
        <Field label={t('price')} name="price" type="number" min="0" step="0.01" value={price} onInput={setPrice} error={problem.fields.price} />
        <button type="submit" disabled={busy}>
          {t('add')}
        </button>
      </form>
      <div class="field">
        <label for="catalog-csv">{t('importCsv')}</label>
        <input id="catalog-csv" type="file" accept=".csv,text/csv" onChange={(e) => void importFile(e)} />
        <p class="hint" dir="ltr">
          sku,name,description,price,currency,stock,url,image_url
        </p>
      </div>
      {imported && <p role="status">{t('imported', { created: imported.created, updated: imported.updated })}</p>}
      <FormError message={problem.message} />
      {problem.message && Object.keys(problem.fields).length > 0 && (
        <ul class="list error">
          {Object.entries(problem.fields).map(([path, message]) => (
            <li key={path}>
              {path}: {message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function CatalogPage() {
  return (
    <Shell title={t('navCatalog')}>
      <PlanGate feature="product_catalog">
        <Catalog />
      </PlanGate>
    </Shell>
  );
}
