import type { TablePaginationConfig } from 'antd';
import type { TFunction } from 'i18next';

export type Paging = { page?: number; pageSize?: number; onPage: (page: number, pageSize: number) => void };

/** The pager every paged list shows: the page, a size changer, and the total in the user's language. */
export function pagerOf({ page, pageSize, onPage }: Paging, total: number, t: TFunction): TablePaginationConfig {
  return {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    showTotal: (n) => t('common.total', { count: n }),
    onChange: onPage,
  };
}
