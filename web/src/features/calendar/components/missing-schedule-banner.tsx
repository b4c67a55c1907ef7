import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { calendarStatusQuery } from '../api/calendar-api.js';

/**
 * The warning that a year's holiday schedule is missing (this year, or next year from 1 October CST,
 * as the server's clock says): deadlines counted into it are provisional until it is entered.
 * Nothing shows while loading, on an error (the page's own data says more) or when nothing is missing.
 */
export function MissingScheduleBanner({ linkToCalendar = false }: { linkToCalendar?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useQuery(calendarStatusQuery());
  const year = status.data?.missingYear;
  if (year === undefined || year === null) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      data-testid="calendar-missing-schedule"
      message={t('calendar.missingTitle', { year })}
      description={t('calendar.missingBody', { year })}
      action={
        linkToCalendar ? (
          <Button size="small" onClick={() => navigate(`/admin/calendar?month=${year}-01`)}>
            {t('calendar.openCalendar')}
          </Button>
        ) : undefined
      }
    />
  );
}
