import type { TFunction } from 'i18next';

type Data = Record<string, unknown>;
const SKIP = new Set([
  'id',
  'seq',
  'regionPath',
  'centre',
  'ruleId',
  'explanation',
  'explanationEn',
  'expectedVersion',
]);
const ENUM_PREFIX: Record<string, string> = {
  kind: 'enums.kind',
  channel: 'enums.channel',
  complexity: 'enums.complexity',
  reasonCode: 'enums.sendBack',
  rating: 'enums.rating',
  by: 'enums.by',
  mode: 'enums.mode',
  agreement: 'enums.agreement',
  guidance: 'enums.guidance',
};
const LABELS: Record<string, string> = {
  kind: 'cases.kind',
  channel: 'cases.channel',
  complexity: 'cases.complexity',
  categoryCode: 'cases.category',
  reasonCode: 'actionForm.reasonCode',
  rating: 'actionForm.rating',
  by: 'actionForm.by',
  mode: 'actionForm.mode',
  task: 'actionForm.task',
  note: 'actionForm.note',
  reply: 'actionForm.reply',
  unit: 'actionForm.unit',
  outcome: 'actionForm.outcomeKind',
  leadTask: 'actionForm.leadTask',
  coUnits: 'actionForm.coUnits',
  into: 'actionForm.into',
  reason: 'actionForm.reason',
  summary: 'actionForm.summary',
};

export interface Namers {
  unitName: (id: number) => string;
  categoryName: (code: string) => string;
}

function unitOf(value: unknown, namers: Namers): string | null {
  if (typeof value === 'number') return namers.unitName(value);
  if (value && typeof value === 'object' && typeof (value as Data).unitId === 'number')
    return namers.unitName((value as Data).unitId as number);
  return null;
}

function valueInWords(key: string, value: unknown, t: TFunction, namers: Namers): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (ENUM_PREFIX[key] && typeof value === 'string') return t(`${ENUM_PREFIX[key]}.${value}`, { defaultValue: value });
  if (key === 'categoryCode' && typeof value === 'string') return namers.categoryName(value);
  if (key === 'unit' || key === 'unitId') return unitOf(value, namers);
  if (key === 'outcome' && value && typeof value === 'object') {
    const o = value as Data;
    const kind = t(`enums.outcome.${String(o.kind)}`);
    const extra = [
      o.agreement && t(`enums.agreement.${String(o.agreement)}`),
      o.guidance && t(`enums.guidance.${String(o.guidance)}`),
      o.summary ?? o.reason,
    ]
      .filter(Boolean)
      .join('，');
    return extra ? `${kind}（${extra}）` : kind;
  }
  if (key === 'coUnits' && Array.isArray(value)) {
    return value.map((c: Data) => `${unitOf(c, namers) ?? '?'}${c.task ? `：${String(c.task)}` : ''}`).join('；');
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** An event's data as "label: value" lines in the UI language; identifiers and paths are left out. */
export function describeEventData(data: Data, language: string, t: TFunction, namers: Namers): string[] {
  const lines: string[] = [];
  const explanation = language.startsWith('zh') ? data.explanation : (data.explanationEn ?? data.explanation);
  for (const [key, value] of Object.entries(data)) {
    if (SKIP.has(key)) continue;
    const words = valueInWords(key, value, t, namers);
    if (words === null) continue;
    lines.push(`${LABELS[key] ? t(LABELS[key]) : key}：${words}`);
  }
  if (typeof explanation === 'string') lines.push(explanation);
  return lines;
}
