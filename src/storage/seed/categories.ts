/** The category tree every installation starts with, in zh-CN and en; administrators extend it. */
type Seed = { code: string; zh: string; en: string; children?: Seed[] };

export const categoryTree: Seed[] = [
  {
    code: 'family',
    zh: '婚姻家庭',
    en: 'Marriage and family',
    children: [
      { code: 'family_marriage', zh: '婚姻纠纷', en: 'Marital disputes' },
      { code: 'family_support', zh: '赡养抚养', en: 'Support of elders and children' },
      { code: 'family_inheritance', zh: '继承纠纷', en: 'Inheritance' },
    ],
  },
  {
    code: 'neighbour',
    zh: '邻里纠纷',
    en: 'Neighbour disputes',
    children: [
      { code: 'neighbour_noise', zh: '噪音扰民', en: 'Noise' },
      { code: 'neighbour_boundary', zh: '相邻关系', en: 'Boundaries and access' },
      { code: 'neighbour_leak', zh: '漏水渗水', en: 'Water leaks' },
    ],
  },
  { code: 'land_contract', zh: '土地承包', en: 'Land contracting' },
  { code: 'land_expropriation', zh: '征地拆迁', en: 'Land expropriation and demolition' },
  {
    code: 'labour',
    zh: '劳资纠纷',
    en: 'Labour and wages',
    children: [
      { code: 'labour_wage_arrears', zh: '拖欠工资', en: 'Unpaid wages' },
      { code: 'labour_injury', zh: '工伤赔偿', en: 'Work injury' },
    ],
  },
  { code: 'property_mgmt', zh: '物业纠纷', en: 'Property management' },
  { code: 'medical', zh: '医患纠纷', en: 'Doctor–patient disputes' },
  { code: 'consumer', zh: '消费纠纷', en: 'Consumer disputes' },
  { code: 'traffic', zh: '交通事故', en: 'Traffic accidents' },
  { code: 'environment', zh: '环境污染', en: 'Environmental pollution' },
  {
    code: 'hazard',
    zh: '安全隐患',
    en: 'Safety hazards',
    children: [
      { code: 'hazard_fire', zh: '消防隐患', en: 'Fire hazards' },
      { code: 'hazard_building', zh: '危房危墙', en: 'Unsafe buildings' },
      { code: 'hazard_road', zh: '道路设施', en: 'Roads and facilities' },
    ],
  },
  { code: 'public_service', zh: '公共服务', en: 'Public services' },
  { code: 'other', zh: '其他', en: 'Other' },
];

/** The tree as rows, parents first, with their sort order. */
export function categoryRows(): {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
  sort: number;
}[] {
  const rows: { code: string; parentCode: string | null; nameZh: string; nameEn: string; sort: number }[] = [];
  const walk = (nodes: Seed[], parent: string | null) =>
    nodes.forEach((n, i) => {
      rows.push({ code: n.code, parentCode: parent, nameZh: n.zh, nameEn: n.en, sort: (i + 1) * 10 });
      walk(n.children ?? [], n.code);
    });
  walk(categoryTree, null);
  return rows;
}
