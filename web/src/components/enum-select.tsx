import { useTranslation } from 'react-i18next';
import { FormSelect } from './form-select.js';

interface EnumSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  values: readonly string[];
  /** i18n prefix, e.g. 'enums.kind' → enums.kind.<value> */
  prefix: string;
  allowClear?: boolean;
  placeholder?: string;
  'data-testid'?: string;
}

/** A select over a fixed list of codes, each named through i18n. */
export function EnumSelect({ id, value, onChange, values, prefix, allowClear, placeholder, ...rest }: EnumSelectProps) {
  const { t } = useTranslation();
  return (
    <FormSelect<string>
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }))}
      allowClear={allowClear}
      placeholder={placeholder}
      data-testid={rest['data-testid']}
    />
  );
}
