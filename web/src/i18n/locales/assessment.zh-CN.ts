import type { Words } from '../words.js';

/** The safety index (平安指数) and its assessment schemes (Simplified Chinese); spread into zh-CN.ts. */
export const assessmentZh = {
  analysisMenu: { group: '分析研判', index: '平安指数' },
  assessment: {
    title: '平安指数',
    subtitle:
      '按考核方案为下级区划打分：每项指标的原始值、得分和权重都列在下面。已存储的得分按当时使用的方案版本保存，方案修改后仍可复现。',
    scheme: '考核方案',
    noSchemes: '本辖区还没有考核方案。考核方案由系统管理员定义。',
    period: '考核周期',
    date: '周期内的日期',
    periods: { day: '日', week: '周', month: '月', quarter: '季度', half: '半年', year: '年' } satisfies Words<
      'day' | 'week' | 'month' | 'quarter' | 'half' | 'year'
    >,
    version: '方案第 {{version}} 版',
    stored: '已存储 {{at}}',
    live: '按当前数据计算（未存储）',
    run: '存储本期得分并发出预警',
    ran: '本期得分已存储，预警已发送',
    rank: '排名',
    region: '区划',
    index: '平安指数',
    coverage: '有数据的权重 {{coverage}}%',
    components: '各项指标',
    indicator: '指标',
    source: '来源',
    sources: { kpi: '业务指标', import: '外部导入' },
    raw: '原始值',
    score: '得分',
    weight: '权重',
    direction: '方向',
    directions: { higher: '越高越好', lower: '越低越好' },
    rule: '计分规则',
    minmax: '同级极差法（最差 0 分，最好 100 分）',
    target: '目标值 {{target}}（{{worst}} 及以下 0 分）',
    targetLower: '目标值 {{target}}（{{worst}} 及以上 0 分）',
    noValue: '无数据',
    warnings: '预警',
    noWarnings: '本期无预警',
    reasons: { below_threshold: '低于预警线 {{limit}}', dropped: '较上期 {{previous}} 下降超过 {{limit}} 分' },
  },
};
