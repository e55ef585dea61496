import { z } from 'zod';
import type { RouteDoc } from '../http/route-doc';

export const openApiRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/openapi.json', tag: 'Meta', auth: 'public', summary: 'This document (OpenAPI 3.1)', status: 200, response: z.record(z.string(), z.unknown()) },
];
