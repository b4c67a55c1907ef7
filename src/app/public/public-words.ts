import { isEventType, type CaseEventType, type CaseStatus, type OutcomeKind } from '../../core/case/index.js';

/** Plain words for residents, in both languages the portal speaks. */
export type Words = { zh: string; en: string };

export const statusWords: Record<CaseStatus, Words> = {
  received: { zh: '已受理，正在分派', en: 'Received, being assigned' },
  dispatched: { zh: '已交办，等待承办单位签收', en: 'Assigned, waiting for the unit to accept it' },
  signed: { zh: '承办单位已签收', en: 'Accepted by the unit' },
  in_progress: { zh: '正在办理', en: 'Being handled' },
  suspended: { zh: '依法中止办理', en: 'Suspended as the law provides' },
  resolved: { zh: '已办结，请您评价', en: 'Resolved: please rate how it was handled' },
  evaluated: { zh: '已评价', en: 'Rated' },
  closed: { zh: '已归档', en: 'Closed' },
  merged: { zh: '已与同一事项合并办理', en: 'Merged with the same matter' },
};

/** What residents see of each event type: a new event type does not compile until it is worded here. */
export const eventWords: Record<CaseEventType, Words> = {
  received: { zh: '受理登记', en: 'Registered' },
  dispatched: { zh: '分流交办', en: 'Assigned to a unit' },
  redispatched: { zh: '重新交办', en: 'Reassigned' },
  signed: { zh: '签收', en: 'Accepted' },
  handling_started: { zh: '开始办理', en: 'Handling started' },
  joint_requested: { zh: '多部门联合办理', en: 'Joint handling with other units' },
  co_task_signed: { zh: '协办单位签收', en: 'A co-operating unit accepted' },
  co_task_replied: { zh: '协办单位答复', en: 'A co-operating unit replied' },
  co_task_closed: { zh: '协办结束', en: 'Co-operation ended' },
  escalated: { zh: '提级办理', en: 'Escalated to the level above' },
  sent_back: { zh: '退回服务中心重新分派', en: 'Returned for reassignment' },
  transferred: { zh: '转交其他单位', en: 'Transferred to another unit' },
  suspended: { zh: '中止办理', en: 'Suspended' },
  resumed: { zh: '恢复办理', en: 'Resumed' },
  resolved: { zh: '办结', en: 'Resolved' },
  evaluated: { zh: '评价', en: 'Rated' },
  reopened: { zh: '重新办理', en: 'Reopened for another attempt' },
  closed: { zh: '归档', en: 'Closed' },
  merged: { zh: '合并办理', en: 'Merged' },
  deadline_recounted: {
    zh: '办理时限按新公布的节假日安排重新计算',
    en: 'Time limit recounted under the newly published holiday schedule',
  },
};

/** The words for a stored event's type; a type the core no longer knows reads as itself. */
export const eventText = (type: string): Words => (isEventType(type) ? eventWords[type] : { zh: type, en: type });

/** A rating the resident gave through the portal, as it stands in their own timeline. */
export const residentRatingWords: Words = { zh: '您的评价', en: 'Your rating' };

export const outcomeWords: Record<OutcomeKind, Words> = {
  mediated: { zh: '调解成功', en: 'Settled by mediation' },
  not_mediated: { zh: '调解不成，已引导诉讼或仲裁', en: 'Not settled; guided to court or arbitration' },
  answered: { zh: '已答复', en: 'Answered' },
  not_accepted: { zh: '不予受理（附理由）', en: 'Not accepted (with the reason)' },
};

export const levelWords: Record<number, Words> = {
  1: { zh: '省级', en: 'province' },
  2: { zh: '市级', en: 'city' },
  3: { zh: '县级', en: 'county' },
  4: { zh: '乡镇（街道）', en: 'township' },
  5: { zh: '村（社区）', en: 'village' },
  6: { zh: '网格', en: 'grid' },
  7: { zh: '微网格', en: 'micro-grid' },
};

/** Statuses in which a resident may urge (催办): the case is still being worked on. */
export const URGEABLE: readonly CaseStatus[] = ['received', 'dispatched', 'signed', 'in_progress', 'suspended'];
