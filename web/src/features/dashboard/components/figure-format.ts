import type { TFunction } from 'i18next';
import type { KpiFigure } from '../../../api/contract-types.js';
import { LOWER_IS_BETTER } from '../../../../../src/core/kpi/ranking.js';

type Kind = KpiFigure['kind'];

/** A figure's value as the reader sees it: a share in per cent, a mean to one decimal (its name says the unit), a count. */
export function formatValue(kind: Kind, value: number | null): string {
  if (value === null) return '—';
  if (kind === 'rate') return `${(value * 100).toFixed(1)}%`;
  if (kind === 'mean') return value.toFixed(1);
  return String(value);
}

/** A change: percentage points for a rate, a relative change for a count or a mean (as the API computes it). */
export function formatChange(kind: Kind, change: number | null, t: TFunction): string {
  if (change === null) return '—';
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const size = Math.abs(kind === 'rate' ? change : change * 100).toFixed(1);
  return kind === 'rate' ? t('dashboard.points', { value: `${sign}${size}` }) : `${sign}${size}%`;
}

/** Whether a change is for the better: up for most figures, down for send-backs, repeats, escalations, cards and open cases. */
export function better(id: string, change: number | null): boolean | null {
  if (change === null || change === 0) return null;
  const lowerIsBetter =
    LOWER_IS_BETTER.has(id) || id.startsWith('cards_') || id === 'open_at_end' || id === 'handling_days';
  return lowerIsBetter ? change < 0 : change > 0;
}

/** The figure's name in the interface language (the server sends both). */
export const nameIn = (name: { zh: string; en: string }, language: string) =>
  language.startsWith('zh') ? name.zh : name.en;
