import { useQuery } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../api/contract-types.js';
import { useAtTop } from '../../../app/auth-context.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { TopOnlyNote } from '../../../components/origin-tag.js';
import { PageHeader } from '../../../components/page-header.js';
import { StatusTag } from '../../../components/status-tag.js';
import { categoriesQuery } from '../api/categories-api.js';
import { buildCategoryTree, type CategoryNode } from '../api/category-tree.js';
import { CategoryEditDrawer, type CategoryEditTarget } from './category-edit-drawer.js';

/** 事项分类: the category tree as a tree table; administrators add and edit. */
export function CategoriesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [target, setTarget] = useState<CategoryEditTarget | null>(null);
  const categories = useQuery(categoriesQuery());
  const tree = useMemo(() => buildCategoryTree(categories.data ?? []), [categories.data]);
  const nameOf = (category: Category | null) =>
    category ? (i18n.language === 'en' ? category.nameEn : category.nameZh) : t('categories.root');

  // The tree is national in kind: only the deployment's top administrator writes it (issue 11, point 4).
  const atTop = useAtTop();
  const columns: ColumnsType<CategoryNode> = [
    { title: t('common.name'), key: 'name', render: (_, category) => nameOf(category) },
    { title: t('common.code'), dataIndex: 'code', key: 'code', render: (code: string) => <code>{code}</code> },
    {
      title: i18n.language === 'en' ? t('categories.nameZh') : t('categories.nameEn'),
      key: 'other',
      render: (_, c) => (i18n.language === 'en' ? c.nameZh : c.nameEn),
    },
    { title: t('categories.sort'), dataIndex: 'sort', key: 'sort' },
    {
      title: t('common.status'),
      dataIndex: 'disabled',
      key: 'status',
      render: (disabled: boolean) => <StatusTag disabled={disabled} />,
    },
  ];
  if (atTop)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, category) => (
        <Space size={0} wrap>
          <Button
            type="link"
            onClick={() => setTarget({ mode: 'edit', category })}
            data-testid={`category-edit-${category.code}`}
          >
            {t('common.edit')}
          </Button>
          <Button
            type="link"
            onClick={() => setTarget({ mode: 'create', parent: category })}
            data-testid={`category-add-${category.code}`}
          >
            {t('categories.addChild')}
          </Button>
        </Space>
      ),
    });

  return (
    <>
      <PageHeader
        title={t('categories.title')}
        subtitle={t('categories.subtitle')}
        extra={
          atTop && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setTarget({ mode: 'create', parent: null })}
              data-testid="category-create"
            >
              {t('categories.addRoot')}
            </Button>
          )
        }
      />
      {!atTop && <TopOnlyNote what="categories" testId="categories-top-only" />}
      <ErrorAlert error={categories.error} onRetry={categories.refetch} />
      <Table<CategoryNode>
        size="middle"
        rowKey="code"
        data-testid="categories-table"
        columns={columns}
        dataSource={tree}
        loading={categories.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{ defaultExpandAllRows: true }}
        key={tree.length === 0 ? 'empty' : 'loaded'}
      />
      <CategoryEditDrawer
        target={target}
        parentName={nameOf}
        onClose={() => setTarget(null)}
        onSaved={() => {
          message.success(t('common.saved'));
          setTarget(null);
        }}
      />
    </>
  );
}
