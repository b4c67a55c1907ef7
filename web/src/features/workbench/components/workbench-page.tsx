import { Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../../app/auth-context.js';
import { PageHeader } from '../../../components/page-header.js';
import { RegionLevelTag } from '../../../components/region-level-tag.js';
import { mayOpen } from '../../../app/nav-items.js';
import { SupervisionSummary } from './supervision-summary.js';
import { InboxCard } from './inbox-card.js';
import { MyTasks } from './my-tasks.js';
import { MissingScheduleBanner } from '../../calendar/components/missing-schedule-banner.js';

/** The workbench: who I am, my unit's tasks by status (case staff only) and my inbox. */
export function WorkbenchPage() {
  const { t } = useTranslation();
  const me = useMe();
  const hasCaseRole = useCan('case.read');
  // The auditor reads the audit log and nothing else (三员分立): no inbox, only the way to the log.
  const auditorOnly = me.roles.every((role) => role === 'auditor');
  // Whoever may open the 督办 board sees its summary here.
  const supervises = mayOpen(me.roles, '/supervision');
  // The administrator who keeps the calendar is reminded here when a year's schedule is missing.
  const keepsCalendar = useCan('deadline.write');
  const breadcrumb = me.jurisdiction.breadcrumb.map((region) => region.name).join(' / ') || me.jurisdiction.name;

  return (
    <>
      <PageHeader title={t('workbench.title')} subtitle={t('workbench.greeting', { name: me.displayName })} />
      {keepsCalendar && <MissingScheduleBanner linkToCalendar />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('workbench.account')}</h2>}>
            <Descriptions column={1} size="small" data-testid="workbench-account">
              <Descriptions.Item label={t('workbench.unit')}>
                <span data-testid="workbench-unit">{me.unit.name}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('workbench.jurisdiction')}>
                <Space wrap size={4}>
                  <span data-testid="workbench-jurisdiction">{breadcrumb}</span>
                  <RegionLevelTag level={me.jurisdiction.level} />
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('workbench.roles')}>
                <Space wrap size={4}>
                  {me.roles.map((role) => (
                    <Tag key={role} bordered={false} style={{ color: '#0b3d91', background: '#e6f4ff' }}>
                      {t(`roles.${role}`)}
                    </Tag>
                  ))}
                </Space>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          {hasCaseRole ? <MyTasks /> : auditorOnly ? <AuditorCard /> : <InboxCard />}
        </Col>
        {hasCaseRole && (
          <Col xs={24} xl={10}>
            <InboxCard />
          </Col>
        )}
        {supervises && (
          <Col xs={24} xl={14}>
            <SupervisionSummary />
          </Col>
        )}
      </Row>
    </>
  );
}

function AuditorCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('workbench.auditorTitle')}</h2>}
      data-testid="workbench-auditor"
    >
      <Typography.Paragraph>{t('workbench.auditorHint')}</Typography.Paragraph>
      <Button type="primary" onClick={() => navigate('/audit')}>
        {t('workbench.auditorOpen')}
      </Button>
    </Card>
  );
}
