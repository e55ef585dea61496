import { PersonaListResponse } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

export const personaRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/personas', tag: 'Agents', auth: 'public', summary: 'The sector personas catalogue (id, sector, name, description, languages)', status: 200, response: PersonaListResponse },
];
