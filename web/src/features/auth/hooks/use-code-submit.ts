import { Form } from 'antd';
import { useState } from 'react';

/** A code form's submit: the spinner, the error, and a cleared field after a refusal (a code is not retyped). */
export function useCodeSubmit<T>(send: (code: string) => Promise<T>, onDone: (result: T) => void) {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ code: string }>();
  const submit = async ({ code }: { code: string }) => {
    setSubmitting(true);
    setError(null);
    try {
      onDone(await send(code.trim()));
    } catch (failure) {
      setError(failure);
      form.resetFields();
    } finally {
      setSubmitting(false);
    }
  };
  return { form, submitting, error, submit };
}
