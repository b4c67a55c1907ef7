import { Radio, type RadioGroupProps } from 'antd';

/**
 * antd's Radio.Group inside a required Form.Item: Form.Item adds aria-required, which is not allowed
 * on Radio.Group's <div> (axe: aria-allowed-attr, critical). This drops it; the label keeps its
 * required mark and validation still runs.
 */
export function FormRadioGroup(props: RadioGroupProps & { 'aria-required'?: unknown; 'data-testid'?: string }) {
  const { 'aria-required': _required, ...rest } = props;
  return <Radio.Group {...rest} />;
}
