import { TreeSelect, type TreeSelectProps } from 'antd';

/**
 * antd's TreeSelect inside a required Form.Item: like Select (see form-select.tsx) it would put
 * Form.Item's aria-required on its outer <div>, which ARIA does not allow (axe: aria-allowed-attr,
 * critical). This drops it; the label keeps its required mark and validation still runs.
 */
export function FormTreeSelect(props: TreeSelectProps & { 'data-testid'?: string }) {
  const { 'aria-required': _required, ...rest } = props;
  return <TreeSelect {...rest} />;
}
