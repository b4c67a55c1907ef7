import type { Topic } from './topic.js';

/** Appeals (诉求), reported hazards (隐患) and petitions (信访事项). */
export const otherTopics: Topic[] = [
  {
    category: 'environment', kind: 'appeal', weight: 5, respondent: 'none', channels: { hotline: 6, grid: 3, letter: 0.5 },
    titles: ['{road}附近餐馆油烟扰民', '{place}夜间工地施工噪音', '小区周边河道异味明显'],
    descriptions: [
      '{a}反映{road}{n}号附近一家餐馆油烟直排，住户无法开窗，已持续{months}个月，请求相关部门处理。',
      '{a}反映{place}旁工地连续{days}天夜间{hour}点后仍在浇筑施工，严重影响休息，要求核查是否办理夜间施工许可。',
      '{a}反映{place}附近河道近期水体发黑、异味明显，怀疑有企业偷排污水。',
    ],
    settled: ['经执法检查，餐馆已安装油烟净化设施并通过检测。', '已核查施工许可，责令施工单位停止夜间作业。', '经采样检测，已查明排污口并责令整改，河道已安排清淤。'],
  },
  {
    category: 'public_service', kind: 'appeal', weight: 5, respondent: 'none', channels: { hotline: 6, walk_in: 2, grid: 1 },
    titles: ['{place}路灯损坏多日未修', '{place}老旧小区加装电梯咨询', '子女入学政策咨询', '{place}公交站台迁移诉求'],
    descriptions: [
      '{a}反映{place}主干道有{n}盏路灯损坏已{days}天，夜间出行不便，老人孩子存在安全隐患。',
      '{a}代表{place}{room}所在单元住户咨询加装电梯的申请流程和补贴政策，希望社区协助征求意见。',
      '{a}咨询随迁子女在本区就读小学的入学条件和所需材料。',
      '{a}反映{place}公交站台迁移后，附近老年居民步行距离增加约{n}00米，希望恢复原站点。',
    ],
    settled: ['已协调城管部门完成路灯维修。', '已向诉求人详细解答相关政策，并提供办理指南。', '已转交相关部门研究，并向诉求人答复办理进度。'],
  },
  {
    category: 'hazard_fire', kind: 'hazard', weight: 4, respondent: 'none', channels: { grid: 8, hotline: 2 },
    titles: ['{place}楼道电动车充电飞线', '{place}消防通道被占用', '群租房存在消防隐患'],
    descriptions: [
      '网格员巡查发现{place}{room}所在楼道有{n}辆电动车停放并从楼上私拉电线充电，存在严重火灾隐患。',
      '{place}小区消防通道长期被私家车占用，消防车无法通行，已劝离多次仍反复出现。',
      '{road}{n}号民房被分隔为{n}间出租，厨房与卧室混用，未配置灭火器，存在较大消防隐患。',
    ],
    settled: ['已清理飞线并引导住户到集中充电桩充电。', '已联合消防部门督促整改，隐患已消除。', '已督促房东拆除隔断、配置灭火器材，复查合格。'],
  },
  {
    category: 'hazard_building', kind: 'hazard', weight: 2, respondent: 'none', channels: { grid: 8, hotline: 1 },
    titles: ['{place}老旧围墙开裂有倒塌风险', '{place}外墙瓷砖脱落'],
    descriptions: [
      '网格员巡查发现{place}一段长约{n}米的围墙出现明显裂缝并向外倾斜，紧邻人行道，存在倒塌风险。',
      '{place}{room}所在楼栋外墙瓷砖脱落，砸中楼下停放车辆，所幸无人员受伤。',
    ],
    settled: ['已设置警戒线并完成围墙拆除重建。', '已组织专业队伍排查并清除松动瓷砖，设置防护网。'],
  },
  {
    category: 'hazard_road', kind: 'hazard', weight: 2, respondent: 'none', channels: { grid: 6, hotline: 4 },
    titles: ['{road}井盖缺失', '{road}路面塌陷', '{place}路口交通标志损坏'],
    descriptions: [
      '{road}{n}号门前一处雨水井盖缺失，夜间行人车辆极易跌落，已临时放置锥桶。',
      '{road}近{place}路段出现约一平方米的路面塌陷，车辆通行存在危险。',
      '{place}路口让行标志被撞倒{days}天无人修复，车辆争抢通行。',
    ],
    settled: ['已协调市政部门补装井盖。', '已完成路面修复。', '已修复交通标志。'],
  },
  {
    category: 'land_expropriation', kind: 'petition', weight: 2.5, respondent: 'none', channels: { letter: 5, walk_in: 3, transfer: 1 },
    titles: ['{a}对征收补偿标准有异议', '{place}拆迁安置房交付延期问题', '反映征地补偿款未足额发放'],
    descriptions: [
      '{a}来信反映其位于{place}的房屋被征收，认为评估价格明显低于周边市场价，补偿差额约{amount}，要求重新评估。',
      '{a}等{n}户被征收户反映安置房原定{year}年交付，现已延期{months}个月，过渡费停发，要求说明情况。',
      '{a}反映{place}征地涉及其家庭承包地{n}亩，补偿款被村组截留{amount}未发放到户。',
    ],
    settled: ['已依法答复：评估程序合法，告知申请复核鉴定的途径。', '已协调街道核实情况并答复安置房交付时间，恢复发放过渡费。'],
  },
  {
    category: 'labour', kind: 'petition', weight: 1, respondent: 'none', channels: { letter: 5, walk_in: 2 },
    titles: ['反映社保缴费年限认定问题', '{a}就养老保险待遇提出信访'],
    descriptions: [
      '{a}来信反映其在原{company}工作期间单位未为其足额缴纳社会保险，退休时缴费年限不足，请求补缴。',
      '{a}认为其养老金核定时视同缴费年限计算有误，每月少发约{amount}，要求重新核定。',
    ],
    settled: ['已依据相关政策作出书面答复，并告知复查途径。'],
  },
  {
    category: 'public_service', kind: 'petition', weight: 1, respondent: 'none', channels: { letter: 6, walk_in: 2 },
    titles: ['反映{place}低保资格认定问题', '对{place}安置政策落实情况提出意见'],
    descriptions: [
      '{a}来信反映其家庭收入低于当地标准，申请最低生活保障被{place}以家庭有车辆为由拒绝，认为认定不合理。',
      '{a}反映{place}对原拆迁户的安置政策未完全落实，多次反映无果，要求上级部门督办。',
    ],
    settled: ['经复核，依政策作出答复意见书并送达信访人。'],
  },
  {
    category: 'other', kind: 'appeal', weight: 1.5, respondent: 'none', channels: { hotline: 4, walk_in: 2, grid: 2 },
    titles: ['{place}流浪犬伤人隐患', '{place}小区违建阳光房'],
    descriptions: ['{a}反映{place}附近有{n}只流浪犬聚集，近期有小孩被追咬，请求处置。', '{a}反映{place}顶楼住户违规搭建阳光房，存在安全隐患且影响他人。'],
    settled: ['已联系相关部门处置。', '已移交执法部门核查处理。'],
  },
];
