import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PARTY_ROLES } from '../../../api/contract-types.js';
import { EnumSelect } from '../../../components/enum-select.js';

// The same formats the server checks (src/contract/cases.ts), so mistakes show before submitting.
export const PHONE_PATTERN = /^[\d\s+()-]{5,20}$/;
export const ID_PATTERN = /^(\d{15}|\d{17}[\dXx])$/;

/** Applicant and respondent rows: name, phone, ID number, address. */
export function PartyRows() {
  const { t } = useTranslation();
  return (
    <Form.List name="parties">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={<h3 style={{ fontSize: 14, margin: 0 }}>{t('intake.partyN', { n: index + 1 })}</h3>}
              extra={
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('intake.removeParty', { n: index + 1 })}
                  onClick={() => remove(field.name)}
                />
              }
            >
              <Row gutter={12}>
                <Col xs={24} sm={8}>
                  <Form.Item
                    name={[field.name, 'role']}
                    label={t('intake.partyRole')}
                    rules={[{ required: true, message: t('common.required', { field: t('intake.partyRole') }) }]}
                  >
                    <EnumSelect values={PARTY_ROLES} prefix="enums.partyRole" data-testid={`party-role-${index}`} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={16}>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t('intake.partyName')}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        max: 60,
                        message: t('common.required', { field: t('intake.partyName') }),
                      },
                    ]}
                  >
                    <Input maxLength={60} autoComplete="off" data-testid={`party-name-${index}`} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name={[field.name, 'phone']}
                    label={t('intake.partyPhone')}
                    rules={[{ pattern: PHONE_PATTERN, message: t('intake.badPhone') }]}
                  >
                    <Input inputMode="tel" maxLength={20} autoComplete="off" data-testid={`party-phone-${index}`} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name={[field.name, 'idNumber']}
                    label={t('intake.partyId')}
                    rules={[{ pattern: ID_PATTERN, message: t('intake.badId') }]}
                  >
                    <Input maxLength={18} autoComplete="off" data-testid={`party-id-${index}`} />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item name={[field.name, 'address']} label={t('intake.partyAddress')} rules={[{ max: 200 }]}>
                    <Input maxLength={200} autoComplete="off" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ role: fields.length === 0 ? 'applicant' : 'respondent' })}
            data-testid="party-add"
          >
            {t('intake.addParty')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** Optional attachment metadata (name, type, size); the files themselves travel another way. */
export function AttachmentRows() {
  const { t } = useTranslation();
  return (
    <Form.List name="attachments">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Row gutter={8} key={field.key} align="bottom">
              <Col xs={24} sm={10}>
                <Form.Item
                  name={[field.name, 'name']}
                  label={t('intake.attachmentName')}
                  rules={[
                    { required: true, max: 200, message: t('common.required', { field: t('intake.attachmentName') }) },
                  ]}
                >
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={12} sm={6}>
                <Form.Item name={[field.name, 'contentType']} label={t('intake.attachmentType')} rules={[{ max: 100 }]}>
                  <Input maxLength={100} placeholder="image/jpeg" />
                </Form.Item>
              </Col>
              <Col xs={12} sm={6}>
                <Form.Item name={[field.name, 'size']} label={t('intake.attachmentSize')}>
                  <InputNumber min={0} max={100 * 1024 * 1024} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={2}>
                <Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={`${t('common.delete')} ${index + 1}`}
                    onClick={() => remove(field.name)}
                  />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ contentType: '', size: 0 })}>
            {t('intake.addAttachment')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
