/**
 * Which units the demo county gets at each level, so the four-level linkage has someone
 * to receive cases: service centres everywhere, mediation committees in villages,
 * judicial offices and police stations in townships, departments at the county.
 */
export const demoUnitsByLevel: Record<number, { typeCode: string; suffix: string }[]> = {
  // The province's centre seats the deployment's root administrator (the calendar, the categories, the top's rules).
  1: [{ typeCode: 'service_centre', suffix: '社会治理服务中心' }],
  2: [{ typeCode: 'service_centre', suffix: '社会治理服务中心' }],
  3: [
    { typeCode: 'service_centre', suffix: '社会治理服务中心' },
    { typeCode: 'human_resources', suffix: '人力资源和社会保障局' },
    { typeCode: 'housing', suffix: '住房和城乡建设局' },
    { typeCode: 'petition_bureau', suffix: '信访局' },
    { typeCode: 'ecology', suffix: '生态环境局' },
    { typeCode: 'traffic_police', suffix: '交警大队' },
  ],
  4: [
    { typeCode: 'service_centre', suffix: '社会治理服务中心' },
    { typeCode: 'justice_office', suffix: '司法所' },
    { typeCode: 'police_station', suffix: '派出所' },
    { typeCode: 'mediation_committee', suffix: '人民调解委员会' },
  ],
  5: [
    { typeCode: 'service_centre', suffix: '社会治理服务站' },
    { typeCode: 'mediation_committee', suffix: '人民调解委员会' },
  ],
};

/** The demo accounts: one per role, named after it, and the unit (by level and type) each sits in. */
export const demoAccounts = [
  { username: 'rootadmin', displayName: '省级系统管理员', roles: ['admin'], level: 1, typeCode: 'service_centre' },
  { username: 'admin', displayName: '系统管理员', roles: ['admin'], level: 3, typeCode: 'service_centre' },
  { username: 'security', displayName: '安全保密管理员', roles: ['security'], level: 3, typeCode: 'service_centre' },
  { username: 'auditor', displayName: '安全审计员', roles: ['auditor'], level: 3, typeCode: 'service_centre' },
  { username: 'dispatcher', displayName: '调度员 王芳', roles: ['dispatcher'], level: 3, typeCode: 'service_centre' },
  { username: 'clerk', displayName: '窗口受理员 李娜', roles: ['clerk'], level: 3, typeCode: 'service_centre' },
  { username: 'gridworker', displayName: '网格员 张伟', roles: ['gridworker'], level: 5, typeCode: 'service_centre' },
  { username: 'mediator', displayName: '调解员 刘洋', roles: ['mediator'], level: 5, typeCode: 'mediation_committee' },
  { username: 'leader', displayName: '分管领导 陈静', roles: ['leader'], level: 3, typeCode: 'service_centre' },
] as const;
