import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UnitType } from '../../../api/contract-types.js';
import { unitTypesQuery } from '../api/units-api.js';

/** Unit types with a name in the interface language, and a lookup by code. */
export function useUnitTypes() {
  const { i18n } = useTranslation();
  const query = useQuery(unitTypesQuery());
  const types = query.data ?? [];
  const nameOf = (type: UnitType | undefined, code: string) =>
    type ? (i18n.language === 'en' ? type.nameEn : type.nameZh) : code;
  const byCode = new Map(types.map((type) => [type.code, type]));
  return {
    types,
    error: query.error,
    typeName: (code: string) => nameOf(byCode.get(code), code),
    options: types.map((type) => ({ value: type.code, label: nameOf(type, type.code) })),
  };
}
