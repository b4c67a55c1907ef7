import type { Topic } from './topic.js';

/** Everyday and major disputes (矛盾纠纷): the bulk of what grid workers and windows receive. */
export const disputeTopics: Topic[] = [
  {
    category: 'neighbour_noise', kind: 'dispute', weight: 8, respondent: 'person', channels: { grid: 5, hotline: 3, walk_in: 2, transfer: 0.5 },
    titles: ['{place}{room}夜间噪音扰民纠纷', '楼上装修噪音影响休息引发邻里矛盾', '{place}广场舞音响扰民问题'],
    descriptions: [
      '{a}反映，楼上{b}家近{days}天每晚{hour}点后仍有拖拽家具、跑跳声音，多次上门沟通未果，双方发生口角，请求社区出面协调。',
      '{a}称{b}家装修施工不按规定时间，周末早上7点即开始电钻作业，家中老人心脏不好，要求对方停工整改并赔礼道歉。',
      '{place}小区中心广场每晚有人使用大功率音响跳广场舞至{hour}点，{a}等{n}户居民多次劝说无效，情绪较大。',
    ],
    settled: ['经调解，双方约定晚{hour}点后不再产生噪音，{b}向{a}致歉。', '经网格员和调解员现场协调，施工时间调整为工作日8:00-12:00、14:00-18:00，双方签订协议。'],
  },
  {
    category: 'neighbour_leak', kind: 'dispute', weight: 6, respondent: 'person', channels: { grid: 5, walk_in: 2, hotline: 2 },
    titles: ['楼上漏水致{room}天花板受损纠纷', '{place}卫生间渗水邻里纠纷', '空调冷凝水滴落引发邻里矛盾'],
    descriptions: [
      '{a}反映，楼上{b}家卫生间防水层破损，渗水导致其家天花板和墙面大面积发霉，要求对方维修并赔偿损失约{amount}，双方协商未果。',
      '{a}家厨房吊顶持续渗水已有{months}个月，物业检测确认系楼上管道老化所致，{b}以房屋出租为由拒绝进门维修。',
      '{b}家空调外机冷凝水常年滴落在{a}家窗台，造成墙面污损，{a}多次沟通无果，双方关系紧张。',
    ],
    settled: ['经调解，{b}负责维修防水层并一次性补偿{a}{amount}。', '双方达成协议：{b}于{days}日内完成管道更换，维修费用由其承担。'],
  },
  {
    category: 'neighbour_boundary', kind: 'dispute', weight: 5, respondent: 'person', channels: { grid: 6, walk_in: 3, hotline: 1 },
    titles: ['{place}宅基地边界争议', '邻居占用公共通道堆放杂物纠纷', '{place}围墙搭建遮挡采光纠纷'],
    descriptions: [
      '{a}与{b}两家宅基地相邻，{b}翻建房屋时将围墙外移约{n}0厘米，{a}认为侵占其宅基地，双方多次争吵，情绪激动。',
      '{b}长期在楼道及消防通道堆放废品，{a}等住户出行不便且存在火灾隐患，劝说无效后请求网格员协调。',
      '{b}在自家院外搭建两米高围墙，遮挡{a}家底楼采光，{a}要求拆除，{b}称系自家土地。',
    ],
    settled: ['经现场丈量并对照确权资料，双方确认边界，{b}将围墙恢复原位。', '经调解，{b}清理堆放物品，双方签订通行协议。'],
  },
  {
    category: 'family_marriage', kind: 'dispute', weight: 4, respondent: 'person', channels: { walk_in: 4, grid: 3, hotline: 1, transfer: 1 },
    titles: ['{a}与{b}婚姻家庭矛盾调解', '夫妻因子女抚养问题发生争执', '离婚财产分割纠纷'],
    descriptions: [
      '{a}反映与丈夫{b}因家庭琐事长期争吵，近日矛盾激化，{a}暂住娘家，希望调解员介入化解矛盾。',
      '{a}与{b}协议离婚后，双方就孩子探视时间和抚养费{amount}/月的支付问题产生分歧，多次争吵。',
      '{a}与{b}离婚时对婚后共同购买的{place}住房分割未达成一致，{b}拒绝搬离，双方矛盾尖锐。',
    ],
    settled: ['经调解，双方就探视时间和抚养费支付方式达成书面协议。', '经耐心疏导，双方冷静沟通，{a}已返回家中，约定共同参加家庭辅导。'],
  },
  {
    category: 'family_support', kind: 'dispute', weight: 3, respondent: 'person', channels: { grid: 4, walk_in: 4, hotline: 1 },
    titles: ['{a}老人赡养问题纠纷', '兄弟姐妹之间赡养费分担纠纷', '老人诉子女不尽赡养义务'],
    descriptions: [
      '{a}年近八旬，独居{place}，反映其子{b}近{months}个月未支付赡养费，也不回家探望，请求村（社区）帮助协调。',
      '{a}兄妹{n}人对母亲住院期间医疗费{amount}的分担意见不一，{b}拒绝承担，老人情绪低落。',
      '{a}反映儿子{b}占用其名下房屋且不允许其居住，请求调解保障其居住权利。',
    ],
    settled: ['经调解，子女约定每人每月支付赡养费并轮流照料老人。', '经调解，{b}同意按月支付赡养费并承担一半医疗费用。'],
  },
  {
    category: 'family_inheritance', kind: 'dispute', weight: 1.5, respondent: 'person', channels: { walk_in: 5, transfer: 2, grid: 1 },
    titles: ['父母遗留房产继承纠纷', '{place}拆迁安置房继承份额争议'],
    descriptions: [
      '{a}之父去世后留有{place}房产一套，{a}与{b}等兄弟姐妹对继承份额存在争议，{b}已实际居住并拒绝协商。',
      '{a}与{b}对已故母亲名下的拆迁安置补偿款{amount}的分配意见不一，双方关系破裂。',
    ],
    settled: ['经调解，各继承人按法定份额达成分割协议，并申请司法确认。'],
  },
  {
    category: 'labour_wage_arrears', kind: 'dispute', weight: 6, respondent: 'company', channels: { hotline: 4, walk_in: 4, grid: 1, transfer: 1 },
    titles: ['{company}拖欠{n}名工人工资', '装修工人讨要欠薪', '{a}反映被拖欠劳动报酬{amount}'],
    descriptions: [
      '{a}等{n}名农民工反映，在{road}某工地为{company}务工，工程已完工{months}个月，仍被拖欠工资共计{amount}，多次讨要无果。',
      '{a}在{company}工作至今年离职，公司以效益不好为由拖欠其{months}个月工资{amount}，请求帮助追讨。',
      '{a}反映为{place}一处私人住宅做装修，房主{b}以质量问题为由拒付尾款{amount}，{a}认为无质量问题。',
    ],
    settled: ['经协调，{company}承诺分两期结清欠薪，首期已支付。', '经调解，双方对工程量核对确认，欠付工资于{days}日内付清。'],
  },
  {
    category: 'labour_injury', kind: 'dispute', weight: 2, respondent: 'company', channels: { walk_in: 5, hotline: 2, transfer: 1 },
    titles: ['{a}工伤赔偿纠纷', '务工受伤后用工单位拒绝赔偿'],
    descriptions: [
      '{a}在{company}工作期间右手受伤，住院{days}天花费{amount}，公司未缴纳工伤保险，仅支付部分医疗费后不再过问。',
      '{a}在工地高处作业时摔伤，经鉴定为十级伤残，与包工头{b}就赔偿数额差距较大，情绪激动。',
    ],
    settled: ['经调解，用人单位一次性支付工伤待遇{amount}。'],
  },
  {
    category: 'property_mgmt', kind: 'dispute', weight: 5, respondent: 'company', channels: { grid: 3, hotline: 4, walk_in: 2 },
    titles: ['{place}业主与物业服务费纠纷', '小区电梯频繁故障业主不满', '{place}停车位收费争议'],
    descriptions: [
      '{place}{n}户业主反映物业公司服务不到位、公共区域卫生差，集体拒交物业费，{company}扬言停水停电，矛盾有激化趋势。',
      '{a}反映小区{room}所在单元电梯近{months}个月内故障{n}次，物业以维修资金不足为由迟迟不更换部件。',
      '{company}将小区地面停车费由每月150元上调至300元，{a}等业主认为未经业主大会同意，要求撤回。',
    ],
    settled: ['经协调，物业公司承诺整改服务问题，业主补交物业费。', '经社区、业委会和物业三方协商，电梯于{days}日内完成维修并建立定期检查台账。'],
  },
  {
    category: 'land_contract', kind: 'dispute', weight: 3, respondent: 'person', channels: { grid: 5, walk_in: 3, letter: 1 },
    titles: ['{place}土地承包经营权流转纠纷', '承包地流转费用拖欠纠纷'],
    descriptions: [
      '{a}将{n}亩承包地流转给{b}种植苗木，约定每年流转费{amount}，{b}已连续两年未支付，{a}要求收回土地。',
      '{a}与{b}对{place}一块承包地的边界存在争议，起因为二轮延包时登记面积不一致。',
    ],
    settled: ['经调解，{b}补交流转费并续签书面流转合同。'],
  },
  {
    category: 'consumer', kind: 'dispute', weight: 3, respondent: 'company', channels: { hotline: 6, walk_in: 2 },
    titles: ['预付卡商家关门无法退费', '购买家电质量问题退换纠纷', '{place}健身房停业会员退费纠纷'],
    descriptions: [
      '{a}等{n}人在{road}一家美容店办理预付卡，店铺突然关门，卡内余额合计{amount}无法退还。',
      '{a}在{company}购买的冰箱使用{days}天后出现故障，商家拒绝退换，只同意维修。',
      '{a}反映其办理的健身年卡尚余{months}个月，门店停业后要求退费未果。',
    ],
    settled: ['经协调，商家同意按剩余金额退费。', '经调解，商家为{a}更换同型号新机。'],
  },
  {
    category: 'traffic', kind: 'dispute', weight: 2, respondent: 'person', channels: { transfer: 5, walk_in: 2, hotline: 1 },
    titles: ['交通事故损害赔偿纠纷', '{road}电动车与行人碰撞赔偿纠纷'],
    descriptions: [
      '{a}骑电动车在{road}与{b}驾驶的小轿车发生碰撞，{a}住院{days}天，双方对医疗费和误工费{amount}的赔偿协商不成。',
      '{b}驾驶电动车将行人{a}撞伤，交警认定{b}负主要责任，双方就赔偿数额未达成一致。',
    ],
    settled: ['经调解，{b}一次性赔偿{a}各项损失{amount}。'],
  },
  {
    category: 'medical', kind: 'dispute', weight: 1, respondent: 'company', channels: { walk_in: 4, hotline: 2, transfer: 1 },
    titles: ['{a}家属对手术结果有异议引发医患纠纷'],
    descriptions: ['{a}家属认为社区卫生服务中心诊疗存在延误，导致病情加重，要求赔偿{amount}，在门诊大厅聚集讨说法。'],
    settled: ['经医调委调解，双方同意由医方给予一次性补偿，家属撤离。'],
  },
];
