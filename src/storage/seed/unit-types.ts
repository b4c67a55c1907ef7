/**
 * The kinds of unit that receive cases. Service centres exist at every level (四级联动:
 * village frontline, township main front, county final stop, city command); departments
 * are where the law puts a matter (劳资 → 人社, 信访 → 信访局 …).
 */
export const unitTypes = [
  {
    code: 'service_centre',
    nameZh: '社会治理服务中心',
    nameEn: 'Social governance service centre',
    isServiceCentre: true,
    sort: 10,
  },
  {
    code: 'mediation_committee',
    nameZh: '人民调解委员会',
    nameEn: "People's mediation committee",
    isServiceCentre: false,
    sort: 20,
  },
  { code: 'justice_office', nameZh: '司法所', nameEn: 'Judicial office', isServiceCentre: false, sort: 30 },
  { code: 'police_station', nameZh: '派出所', nameEn: 'Police station', isServiceCentre: false, sort: 40 },
  { code: 'court', nameZh: '人民法庭', nameEn: "People's tribunal", isServiceCentre: false, sort: 50 },
  {
    code: 'human_resources',
    nameZh: '人力资源和社会保障局',
    nameEn: 'Human resources and social security bureau',
    isServiceCentre: false,
    sort: 60,
  },
  {
    code: 'housing',
    nameZh: '住房和城乡建设局',
    nameEn: 'Housing and urban-rural development bureau',
    isServiceCentre: false,
    sort: 70,
  },
  { code: 'petition_bureau', nameZh: '信访局', nameEn: 'Letters and visits bureau', isServiceCentre: false, sort: 80 },
  {
    code: 'natural_resources',
    nameZh: '自然资源局',
    nameEn: 'Natural resources bureau',
    isServiceCentre: false,
    sort: 90,
  },
  {
    code: 'market_regulation',
    nameZh: '市场监督管理局',
    nameEn: 'Market regulation bureau',
    isServiceCentre: false,
    sort: 100,
  },
  { code: 'health', nameZh: '卫生健康委员会', nameEn: 'Health commission', isServiceCentre: false, sort: 110 },
  {
    code: 'ecology',
    nameZh: '生态环境局',
    nameEn: 'Ecology and environment bureau',
    isServiceCentre: false,
    sort: 120,
  },
  { code: 'emergency', nameZh: '应急管理局', nameEn: 'Emergency management bureau', isServiceCentre: false, sort: 130 },
  { code: 'traffic_police', nameZh: '交警大队', nameEn: 'Traffic police brigade', isServiceCentre: false, sort: 140 },
  {
    code: 'agriculture',
    nameZh: '农业农村局',
    nameEn: 'Agriculture and rural affairs bureau',
    isServiceCentre: false,
    sort: 150,
  },
] as const;
