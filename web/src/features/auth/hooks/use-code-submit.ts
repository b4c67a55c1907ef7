import { Form } from 'antd';
import { useSave } from '../../../hooks/use-save.js';

/** A code form's submit: the spinner, the error, and a cleared field after a refusal (a code is not retyped). */
export function useCodeSubmit<T>(send: (code: string) => Promise<T>, onDone: (result: T) => void) {
  const { saving, error, run } = useSave();
  const [form] = Form.useForm<{ code: string }>();
  const submit = ({ code }: { code: string }) =>
    run(
      async () => onDone(await send(code.trim())),
      () => form.resetFields(),
    );
  return { form, submitting: saving, error, submit };
}
