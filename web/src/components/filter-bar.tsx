import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Row, Space } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type FilterValues = Record<string, unknown>;

interface FilterBarProps<T extends FilterValues> {
  /** The filters now in force (from the URL); the fields follow them on back/forward. */
  values: T;
  onSearch: (values: T) => void;
  onReset: () => void;
  children: ReactNode;
  label: string;
}

/** The filter form over a list: labelled fields in a responsive grid, Search and Reset. */
export function FilterBar<T extends FilterValues>({ values, onSearch, onReset, children, label }: FilterBarProps<T>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<T>();

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, values]);

  return (
    <Card size="small" style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
      <Form<T> form={form} name="filters" layout="vertical" onFinish={onSearch} aria-label={label} role="search">
        <Row gutter={[16, 0]} align="bottom">
          {children}
          <Col xs={24} sm={12} lg={6}>
            <Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="filter-search">
                  {t('common.search')}
                </Button>
                <Button
                  data-testid="filter-reset"
                  onClick={() => {
                    form.resetFields();
                    onReset();
                  }}
                >
                  {t('common.reset')}
                </Button>
              </Space>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}

/** One labelled field of a FilterBar. */
export function FilterField({ name, label, children }: { name: string; label: string; children: ReactNode }) {
  return (
    <Col xs={24} sm={12} lg={6}>
      <Form.Item name={name} label={label}>
        {children}
      </Form.Item>
    </Col>
  );
}
