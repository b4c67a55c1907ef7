import { Card, Empty, Segmented, Spin, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { echarts, ReactEChartsCore } from './echarts.js';

type ChartEvent = { componentType?: string; dataIndex?: number; value?: unknown };

interface ChartCardProps<Row> {
  title: string;
  testId: string;
  /** ECharts option; null when there is nothing to draw (the empty state shows). */
  option: object | null;
  height: number;
  /** What the chart shows, in one sentence, for screen readers (the table view has the figures). */
  summary: string;
  rows: Row[];
  columns: ColumnsType<Row>;
  rowKey: keyof Row & string;
  loading: boolean;
  /** A bar, slice or point was clicked (or a category label): its row. */
  onPick?: (row: Row) => void;
  /** The category axis labels in row order, when a click on a label should pick its row. */
  categories?: string[];
  extra?: ReactNode;
  footer?: ReactNode;
}

/**
 * A chart with its data-table view (accessibility): the same rows as a table, one click away, each
 * figure in it linking where the chart's bar does. The chart is an image named by `summary`.
 */
export function ChartCard<Row extends object>(props: ChartCardProps<Row>) {
  const { title, testId, option, height, summary, rows, columns, rowKey, loading, onPick, categories, extra, footer } =
    props;
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const pick = (e: ChartEvent) => {
    // A click on a category label (triggerEvent) names the category; a click on a bar names its index.
    const index =
      typeof e.dataIndex === 'number'
        ? e.dataIndex
        : (categories ?? []).indexOf(typeof e.value === 'string' ? e.value : '');
    const row = rows[index];
    if (row && onPick) onPick(row);
  };
  return (
    <Card
      data-testid={testId}
      style={{ height: '100%' }}
      title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{title}</h2>}
    >
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', justifyContent: 'flex-end', marginBottom: 8 }}>
        {extra}
        <Segmented
          size="small"
          aria-label={t('dashboard.view')}
          value={view}
          onChange={(v) => setView(v as 'chart' | 'table')}
          options={[
            { label: t('dashboard.chartView'), value: 'chart' },
            { label: t('dashboard.tableView'), value: 'table' },
          ]}
          data-testid={`${testId}-view`}
        />
      </div>
      {view === 'table' ? (
        <Table<Row>
          size="small"
          rowKey={rowKey}
          columns={columns}
          dataSource={rows}
          loading={loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid={`${testId}-table`}
        />
      ) : option === null ? (
        loading ? (
          <div style={{ height, display: 'grid', placeItems: 'center' }}>
            <Spin />
          </div>
        ) : (
          <Empty description={t('dashboard.noFigures')} />
        )
      ) : (
        <div role="img" aria-label={summary} data-testid={`${testId}-chart`}>
          <ReactEChartsCore
            echarts={echarts}
            option={option}
            notMerge
            style={{ height, width: '100%' }}
            onEvents={{ click: pick }}
          />
        </div>
      )}
      {footer}
    </Card>
  );
}
