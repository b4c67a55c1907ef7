/** One indicator of an assessment scheme as the API takes it: a KPI (`kpi`) or an imported figure (`indicator`). */
export function indicator(
  key: string,
  from: { kpi: string } | { indicator: string },
  weight: number,
  o: {
    name?: string;
    nameEn?: string;
    direction?: 'higher' | 'lower';
    rule?: { kind: 'minmax' } | { kind: 'target'; target: number; worst: number };
  } = {},
) {
  return {
    key,
    name: o.name ?? key,
    ...(o.nameEn ? { nameEn: o.nameEn } : {}),
    source: 'kpi' in from ? { kind: 'kpi', kpi: from.kpi } : { kind: 'import', indicator: from.indicator },
    weight,
    direction: o.direction ?? 'higher',
    rule: o.rule ?? { kind: 'minmax' },
  };
}

/** Crimes per 10,000 residents, imported, lower is better: 100 at 2, 0 at 10 or more. */
export const crimeIndicator = (weight: number, names: { name?: string; nameEn?: string } = {}) =>
  indicator('crime', { indicator: 'crime_per_10k' }, weight, {
    name: names.name ?? '万人刑事案件数',
    nameEn: names.nameEn,
    direction: 'lower',
    rule: { kind: 'target', target: 2, worst: 10 },
  });
