import { WarningOutlined } from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { KpiFigure } from '../../../api/contract-types.js';
import { casesLinkFor } from '../api/dashboard-api.js';
import { better, formatChange, formatValue, nameIn } from './figure-format.js';

// Contrast-checked on white (WCAG AA): better, worse, neutral.
const TONE = { true: '#237804', false: '#a8071a', null: 'rgba(0,0,0,0.65)' } as const;

function Change({ figure, label, change }: { figure: KpiFigure; label: string; change: number | null }) {
  const { t } = useTranslation();
  const tone = TONE[String(better(figure.id, change)) as keyof typeof TONE];
  return (
    <span style={{ color: tone, whiteSpace: 'nowrap' }}>
      {label} {formatChange(figure.kind, change, t)}
    </span>
  );
}

/** One figure: its value, numerator and denominator (each a link to its cases), 环比 and 同比, and its signals. */
function Tile({ figure }: { figure: KpiFigure }) {
  const { t, i18n } = useTranslation();
  const name = nameIn(figure.name, i18n.language);
  // The signals that could inflate this figure: each one found is named with its count; none found, one line says so.
  const flagged = figure.signals.filter((s) => s.numerator > 0);
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={`tile-${figure.id}`}>
      <h3 style={{ fontSize: 14, fontWeight: 500, margin: 0, color: 'rgba(0,0,0,0.75)' }}>{name}</h3>
      <Link
        to={casesLinkFor(figure.drillDown, figure.kind === 'rate' ? 'numerator' : 'denominator')}
        style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.4, display: 'inline-block' }}
        aria-label={t('dashboard.valueLink', { name, value: formatValue(figure.kind, figure.value) })}
        data-testid={`tile-${figure.id}-value`}
      >
        {formatValue(figure.kind, figure.value)}
      </Link>
      {figure.kind !== 'count' && (
        <Typography.Text style={{ display: 'block', fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
          {figure.kind === 'rate' ? (
            <>
              <Link to={casesLinkFor(figure.drillDown, 'numerator')}>
                <span className="cg-visually-hidden">{t('dashboard.numeratorLink', { name })}</span>
                {figure.numerator}
              </Link>
              {' / '}
            </>
          ) : null}
          <Link to={casesLinkFor(figure.drillDown, 'denominator')}>
            <span className="cg-visually-hidden">{t('dashboard.denominatorLink', { name })}</span>
            {t('dashboard.cases', { count: figure.denominator })}
          </Link>
        </Typography.Text>
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 12, fontSize: 12, marginTop: 4 }}>
        <Change figure={figure} label={t('dashboard.periodOnPeriod')} change={figure.periodOnPeriod} />
        <Change figure={figure} label={t('dashboard.yearOnYear')} change={figure.yearOnYear} />
      </div>
      {figure.signals.length > 0 && (
        <ul
          aria-label={t('dashboard.signalsOf', { name })}
          style={{ listStyle: 'none', padding: 0, margin: '6px 0 0', fontSize: 12 }}
          data-testid={`tile-${figure.id}-signals`}
        >
          {flagged.map((s) => (
            <li key={s.id} style={{ color: '#874d00' }}>
              <WarningOutlined aria-hidden style={{ marginRight: 4 }} />
              {nameIn(s.name, i18n.language)} {s.numerator}/{s.denominator}
              {s.value !== null ? ` (${(s.value * 100).toFixed(0)}%)` : ''}
            </li>
          ))}
          {flagged.length === 0 && (
            <li style={{ color: 'rgba(0,0,0,0.6)' }}>{t('dashboard.noSignals', { count: figure.signals.length })}</li>
          )}
        </ul>
      )}
    </Card>
  );
}

/** The tiles: every figure but the cards (they have their own chart). */
export function KpiTiles({ figures, loading }: { figures: KpiFigure[] | undefined; loading: boolean }) {
  if (!figures) return <Skeleton active={loading} paragraph={{ rows: 4 }} />;
  return (
    <Row gutter={[12, 12]} data-testid="kpi-tiles">
      {figures
        .filter((f) => !f.id.startsWith('cards_'))
        .map((f) => (
          <Col key={f.id} xs={12} md={8} lg={6} xxl={4}>
            <Tile figure={f} />
          </Col>
        ))}
    </Row>
  );
}
