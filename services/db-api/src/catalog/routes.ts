import express, { type Request, type Router } from 'express';
import { CatalogItemInput, CatalogListQuery, MAX_KNOWLEDGE_DOCUMENT_BYTES, UpdateCatalogItemRequest } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { authenticate } from '../access/authenticate';
import { getAuth } from '../access/auth-context';
import { requireRole } from '../access/require-role';
import { requireFeature } from '../plans/require-feature';
import { readMultipartFile } from '../knowledge/read-multipart-file';
import { importCatalog } from './import-catalog';
import { listItems } from './list-items';
import { createItem, deleteItem, getItem, updateItem } from './manage-items';
import { recordsFromCsv, recordsFromJson, recordsFromJsonText } from './parse-import-rows';

const IMPORT_MAX_BYTES = MAX_KNOWLEDGE_DOCUMENT_BYTES;
const csvBody = express.text({ type: ['text/csv', 'application/csv', 'text/plain'], limit: IMPORT_MAX_BYTES });

/** The import body: JSON (array or {items}), CSV text (`text/csv`), or a multipart `file` (.csv or .json). */
async function importRecords(req: Request): Promise<unknown[]> {
  if (req.is('multipart/form-data')) {
    const file = await readMultipartFile(req, IMPORT_MAX_BYTES);
    const text = file.data.toString('utf8');
    return file.filename.toLowerCase().endsWith('.json') ? recordsFromJsonText(text) : recordsFromCsv(text);
  }
  return typeof req.body === 'string' ? recordsFromCsv(req.body) : recordsFromJson(req.body);
}

export function registerCatalogRoutes(router: Router, deps: Deps): void {
  const auth = [authenticate(deps), requireFeature(deps, 'product_catalog')];
  const manage = requireRole('owner', 'admin');
  const base = '/api/v1/catalog/items';

  router.get(base, ...auth, async (req, res) => {
    res.json(await listItems(deps, getAuth(res).tenantId, parseInput(CatalogListQuery, req.query, 'query')));
  });
  router.post(base, ...auth, manage, async (req, res) => {
    const item = await createItem(deps, getAuth(res).tenantId, parseInput(CatalogItemInput, req.body));
    res.status(201).location(`${base}/${item.id}`).json(item);
  });
  router.get(`${base}/:id`, ...auth, async (req, res) => {
    res.json(await getItem(deps, getAuth(res).tenantId, String(req.params.id)));
  });
  router.patch(`${base}/:id`, ...auth, manage, async (req, res) => {
    res.json(await updateItem(deps, getAuth(res).tenantId, String(req.params.id), parseInput(UpdateCatalogItemRequest, req.body)));
  });
  router.delete(`${base}/:id`, ...auth, manage, async (req, res) => {
    await deleteItem(deps, getAuth(res).tenantId, String(req.params.id));
    res.status(204).end();
  });
  router.post('/api/v1/catalog/import', ...auth, manage, csvBody, async (req, res) => {
    res.json(await importCatalog(deps, getAuth(res), await importRecords(req)));
  });
}
