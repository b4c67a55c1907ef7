import { Select, type SelectProps } from 'antd';

/**
 * antd's Select inside a required Form.Item: Form.Item adds aria-required, which Select puts on
 * its outer <div> where ARIA does not allow it (axe: aria-allowed-attr, critical). This drops it;
 * the label still shows the required mark and validation still runs.
 */
export function FormSelect<V = string>(props: SelectProps<V>) {
  const { 'aria-required': _required, ...rest } = props;
  return <Select<V> {...rest} />;
}
