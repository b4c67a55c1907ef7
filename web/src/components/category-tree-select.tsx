import { useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../api/contract-types.js';
import { buildCategoryTree, type CategoryNode } from '../features/categories/api/category-tree.js';
import { categoriesQuery } from '../features/categories/api/categories-api.js';

interface CategoryTreeSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (code: string | null) => void;
  allowClear?: boolean;
  'data-testid'?: string;
}

interface TreeOption {
  value: string;
  title: string;
  children?: TreeOption[];
}

/** The name of a category in the UI language. */
export function categoryName(category: Pick<Category, 'nameZh' | 'nameEn'>, language: string): string {
  return language.startsWith('zh') ? category.nameZh : category.nameEn;
}

/** The category tree (enabled categories only), names in the UI language; type to filter. */
export function CategoryTreeSelect({ id, value, onChange, allowClear = true, ...rest }: CategoryTreeSelectProps) {
  const { t, i18n } = useTranslation();
  const categories = useQuery(categoriesQuery());
  const treeData = useMemo(() => {
    const toOption = (node: CategoryNode): TreeOption => ({
      value: node.code,
      title: categoryName(node, i18n.language),
      ...(node.children ? { children: node.children.filter((c) => !c.disabled).map(toOption) } : {}),
    });
    return buildCategoryTree((categories.data ?? []).filter((c) => !c.disabled)).map(toOption);
  }, [categories.data, i18n.language]);
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      treeData={treeData}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      placeholder={t('common.select')}
      loading={categories.isFetching}
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
      data-testid={rest['data-testid']}
    />
  );
}

/** Category code → name in the UI language, for tables. */
export function useCategoryNames(): (code: string) => string {
  const { i18n } = useTranslation();
  const categories = useQuery(categoriesQuery());
  return useMemo(() => {
    const byCode = new Map((categories.data ?? []).map((c) => [c.code, c]));
    return (code: string) => {
      const found = byCode.get(code);
      return found ? categoryName(found, i18n.language) : code;
    };
  }, [categories.data, i18n.language]);
}
