import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BacklogColour, CardColour, CaseStatus } from '../api/contract-types.js';

type Style = { color: string; background: string };

// Dark text on light backgrounds: every pair passes WCAG AA contrast. Every status has its pair.
const COLOURS: Readonly<Record<string, Style>> = {
  received: { color: '#0b3d91', background: '#e6f4ff' },
  dispatched: { color: '#0b3d91', background: '#e6f4ff' },
  signed: { color: '#613400', background: '#fff7e6' },
  in_progress: { color: '#613400', background: '#fff7e6' },
  suspended: { color: '#595959', background: '#f0f0f0' },
  resolved: { color: '#135200', background: '#f6ffed' },
  evaluated: { color: '#135200', background: '#f6ffed' },
  closed: { color: '#595959', background: '#f0f0f0' },
  merged: { color: '#595959', background: '#f0f0f0' },
} satisfies Record<CaseStatus, Style>;

/** The colours of a case status's tag (staff lists and the public tracking page share them). */
export function caseStatusStyle(status: string): Style {
  return COLOURS[status] ?? COLOURS.closed!;
}

/** A case status in words, coloured by phase. */
export function CaseStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag bordered={false} style={caseStatusStyle(status)} data-testid="case-status">
      {t(`enums.status.${status}`)}
    </Tag>
  );
}

const CARD_COLOURS: Readonly<Record<string, Style>> = {
  blue: { color: '#ffffff', background: '#0958d9' },
  yellow: { color: '#3d2b00', background: '#fadb14' },
  red: { color: '#ffffff', background: '#a8071a' },
  green: { color: '#ffffff', background: '#237804' },
} satisfies Record<CardColour | BacklogColour, Style>;

/** A warning card's (or backlog's) colour as a tag with its name. */
export function CardTag({ colour, label }: { colour: string; label: string }) {
  return (
    <Tag bordered={false} style={CARD_COLOURS[colour]}>
      {label}
    </Tag>
  );
}
