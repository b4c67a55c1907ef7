import type { Deps } from '../deps.js';
import { notFound } from '../../core/errors.js';
import { systemScope } from '../../storage/db.js';
import { servicesRows } from '../../storage/open311.repo.js';

/** A GeoReport v2 service: one category a request can be filed under. */
export type Service = {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
};
export type ServiceAttribute = {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values: { key: string; name: string }[];
};
export type ServiceDefinition = { service_code: string; attributes: ServiceAttribute[] };

/**
 * Categories as services (GET services): the leaves of the category tree, grouped by their parent.
 * Requests are created at once (type realtime). No category carries extra attributes today, so
 * metadata is false and each definition is the spec's empty form.
 */
export async function listServices(deps: Deps): Promise<Service[]> {
  const rows = await deps.db.tx(systemScope, (trx) => servicesRows(trx));
  return rows
    .filter((r) => !r.has_children)
    .map((r) => ({
      service_code: r.code,
      service_name: r.name_zh,
      description: `${r.name_zh}（${r.name_en}）`,
      metadata: false,
      type: 'realtime' as const,
      keywords: [r.name_zh, r.name_en, ...r.code.split('_')].join(','),
      group: r.group_zh ?? r.name_zh,
    }));
}

/** One service's definition (GET services/{code}); unknown codes answer 404. */
export async function serviceDefinition(deps: Deps, code: string): Promise<ServiceDefinition> {
  const service = (await listServices(deps)).find((s) => s.service_code === code);
  if (!service) throw notFound('service_code', code);
  return { service_code: code, attributes: attributesOf(code) };
}

/** Extra attributes per category; none defined yet (the place to add them, with metadata: true). */
const attributesOf = (_code: string): ServiceAttribute[] => [];
