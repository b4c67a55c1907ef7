import { useQuery } from '@tanstack/react-query';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Col, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { CaseStatusTag } from '../../../components/case-status-tag.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageHeader } from '../../../components/page-header.js';
import { caseQuery } from '../api/cases-api.js';
import { CaseActions } from './case-actions.js';
import { CaseAssignments } from './case-assignments.js';
import { CaseExtensions } from './case-extensions.js';
import { CaseParties } from './case-parties.js';
import { CaseSummaryCard } from './case-summary.js';
import { CaseTimeline } from './case-timeline.js';

/** 事项详情: summary, parties, assignments, extension requests, the actions the server offers, and the timeline. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  // An action answers with the new detail, which CaseActions puts in this query's place.
  const loaded = useQuery(caseQuery(id));
  const detail = loaded.data;

  return (
    <>
      <PageHeader
        title={detail ? detail.title : t('cases.detail')}
        subtitle={detail ? `${detail.trackingCode} · ${t(`enums.status.${detail.status}`)}` : undefined}
        extra={
          <>
            {detail && <CaseStatusTag status={detail.status} />}
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/cases')}>
              {t('cases.back')}
            </Button>
          </>
        }
      />
      <ErrorAlert error={loaded.error} onRetry={loaded.refetch} />
      {!detail && loaded.isFetching && <Skeleton active />}
      {detail && (
        <Row gutter={[16, 0]}>
          <Col xs={24} xl={14}>
            <CaseActions detail={detail} />
            <CaseSummaryCard detail={detail} />
            <CaseParties key={detail.id} detail={detail} />
            <CaseAssignments detail={detail} />
            <CaseExtensions detail={detail} />
          </Col>
          <Col xs={24} xl={10}>
            <CaseTimeline detail={detail} />
          </Col>
        </Row>
      )}
    </>
  );
}
