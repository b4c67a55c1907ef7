import { conditionLabel, fallbackLabels, levelLabel } from './labels.js';
import type { DispatchRule, DispatchStep, Label, PathUnit, StepVia } from './types.js';

type Explained = {
  rule: DispatchRule | null;
  steps: readonly DispatchStep[];
  unit: PathUnit | null;
  via: StepVia | 'none';
};

const FALLBACK_VIAS: readonly StepVia[] = ['climb', 'service_centre', 'county_centre'];

/**
 * The decision in words, for the case's history and the dry-run: which rule, what it asked for,
 * what was missing and which fallback found the unit, e.g.
 * "规则 12「村级调解：邻里纠纷」：邻里纠纷 · 一般 → 甲一村人民调解委员会".
 */
export function explain(d: Explained, typeNames: Readonly<Record<string, Label>>): Label {
  const head = headOf(d.rule);
  const target = d.steps[0];
  const miss = d.rule && target ? missing(target, typeNames) : null;
  const lead: Label = miss ? join(head, { zh: ' → ', en: ' → ' }, miss) : head;
  const fb = d.rule ? fallbackLabels[d.rule.fallback] : null;
  const failedFb: Label | null = fb && {
    zh: `，回退「${fb.zh}」未找到单位`,
    en: `; fallback "${fb.en}" found no unit`,
  };
  const to = (unit: PathUnit): Label => ({ zh: ` → ${unit.name}`, en: ` → ${unit.name}` });

  if (!d.unit)
    return join(lead, failedFb ?? empty, {
      zh: '，路径上没有可接收的社会治理服务中心',
      en: "; no service centre on the case's path to receive it",
    });
  if (d.via === 'target') return join(head, to(d.unit));
  if (FALLBACK_VIAS.includes(d.via as StepVia) && fb) {
    return join(lead, { zh: `，按回退「${fb.zh}」`, en: `; fallback "${fb.en}"` }, to(d.unit));
  }
  const final: Label =
    d.via === 'final'
      ? { zh: '，由县级社会治理服务中心兜底', en: '; the county service centre is the final stop' }
      : {
          zh: '，县级社会治理服务中心未设立，由最近的上级社会治理服务中心接收',
          en: '; no county service centre, the nearest service centre above receives it',
        };
  return join(lead, failedFb ?? empty, final, to(d.unit));
}

const empty: Label = { zh: '', en: '' };

function headOf(rule: DispatchRule | null): Label {
  if (!rule) return { zh: '无匹配规则', en: 'no rule matched' };
  const cond = conditionLabel(rule);
  return { zh: `规则 ${rule.id}「${rule.name}」：${cond.zh}`, en: `rule ${rule.id} "${rule.name}": ${cond.en}` };
}

/** What the rule's own target lacked: "甲一村未设人民调解委员会" / "no People's mediation committee at 甲一村". */
function missing(step: DispatchStep, typeNames: Readonly<Record<string, Label>>): Label {
  const type = typeNames[step.typeCode] ?? { zh: step.typeCode, en: step.typeCode };
  if (step.regionName === null) {
    const level = levelLabel(step.level);
    return {
      zh: `案件所在区域不到${level.zh}级，无${type.zh}`,
      en: `the case's region lies above the ${level.en} level, so no ${type.en}`,
    };
  }
  return { zh: `${step.regionName}未设${type.zh}`, en: `no ${type.en} at ${step.regionName}` };
}

function join(...parts: Label[]): Label {
  return { zh: parts.map((p) => p.zh).join(''), en: parts.map((p) => p.en).join('') };
}
