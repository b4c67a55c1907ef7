import { createRoute } from '@hono/zod-openapi';
import {
  CalendarDayView,
  CalendarStatus,
  CalendarYear,
  CardRuleList,
  CardRules,
  DateParam,
  PolicyList,
  PolicyTable,
  PutCalendarDayInput,
  PutCalendarYearInput,
  YearQuery,
} from '../../contract/deadlines.js';
import { getCalendarYear, putCalendarDay, putCalendarYear } from '../../app/deadlines/reference-admin.js';
import { getPolicies, putPolicies } from '../../app/deadlines/policies-admin.js';
import { deleteCardRules, getCardRules, putCardRules } from '../../app/deadlines/card-rules-admin.js';
import { getCalendarStatus } from '../../app/deadlines/calendar-status.js';
import { errorResponses, json, jsonBody, newRouter, sessionSecurity } from '../router.js';
import { requireSession } from '../middleware.js';

/** The working-day calendar, the deadline policies and the card rules (read by staff, edited by the administrator). */
export const deadlineRoutes = newRouter();
const common = { tags: ['deadlines'], security: sessionSecurity, middleware: [requireSession] };

deadlineRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/calendar',
    summary: 'A year of the working-day calendar by month',
    request: { query: YearQuery },
    responses: { 200: json(CalendarYear, 'The year'), ...errorResponses },
  }),
  async (c) => c.json(await getCalendarYear(c.var.ctx, c.req.valid('query').year), 200),
);

deadlineRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/calendar/status',
    summary: "Whether a year's holiday schedule is missing: this year, or next year from 1 October (CST)",
    responses: { 200: json(CalendarStatus, 'The status'), ...errorResponses },
  }),
  async (c) => c.json(await getCalendarStatus(c.var.ctx), 200),
);

deadlineRoutes.openapi(
  createRoute({
    ...common,
    method: 'put',
    path: '/calendar',
    summary: "Replace a year's holidays and make-up working days (the root administrator)",
    request: { query: YearQuery, ...jsonBody(PutCalendarYearInput) },
    responses: { 200: json(CalendarYear, 'The year'), ...errorResponses },
  }),
  async (c) => c.json(await putCalendarYear(c.var.ctx, c.req.valid('query').year, c.req.valid('json')), 200),
);

deadlineRoutes.openapi(
  createRoute({
    ...common,
    method: 'put',
    path: '/calendar/{date}',
    summary: 'Set or remove the override of one date (the root administrator)',
    request: { params: DateParam, ...jsonBody(PutCalendarDayInput) },
    responses: { 200: json(CalendarDayView, 'The day'), ...errorResponses },
  }),
  async (c) => c.json(await putCalendarDay(c.var.ctx, c.req.valid('param').date, c.req.valid('json')), 200),
);

deadlineRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/deadline-policies',
    summary: "The deadline policies that apply to the caller: their jurisdiction's, then the inherited ones",
    responses: { 200: json(PolicyList, 'Policies'), ...errorResponses },
  }),
  async (c) => c.json(await getPolicies(c.var.ctx), 200),
);

deadlineRoutes.openapi(
  createRoute({
    ...common,
    method: 'put',
    path: '/deadline-policies',
    summary: "Replace the policies of the caller's jurisdiction (administrator); running deadlines do not move",
    request: jsonBody(PolicyTable),
    responses: { 200: json(PolicyList, 'Policies'), ...errorResponses },
  }),
  async (c) => c.json(await putPolicies(c.var.ctx, c.req.valid('json')), 200),
);

deadlineRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/card-rules',
    summary: 'Card and petition backlog thresholds that apply to the caller, the one in force first',
    responses: { 200: json(CardRuleList, 'Rules'), ...errorResponses },
  }),
  async (c) => c.json(await getCardRules(c.var.ctx), 200),
);

deadlineRoutes.openapi(
  createRoute({
    ...common,
    method: 'put',
    path: '/card-rules',
    summary: "Set the card and backlog thresholds of the caller's jurisdiction (administrator)",
    request: jsonBody(CardRules),
    responses: { 200: json(CardRuleList, 'Rules'), ...errorResponses },
  }),
  async (c) => c.json(await putCardRules(c.var.ctx, c.req.valid('json')), 200),
);

deadlineRoutes.openapi(
  createRoute({
    ...common,
    method: 'delete',
    path: '/card-rules',
    summary: "Remove the card rules of the caller's jurisdiction, so it inherits again (administrator)",
    responses: { 200: json(CardRuleList, 'Rules'), ...errorResponses },
  }),
  async (c) => c.json(await deleteCardRules(c.var.ctx), 200),
);
