/** Inbox and SMS text for each outbox topic, in zh-CN (the staff's language; the web app shows data too). */
const colourZh: Record<string, string> = { blue: '蓝牌', yellow: '黄牌', red: '红牌' };
const stageZh: Record<string, string> = {
  sign_for: '签收',
  handle: '办理',
  co_reply: '会办答复',
  return_visit: '回访',
};

const tableZh: Record<string, string> = { card_rules: '督办规则', deadline_policies: '时限规则' };

/** Title and body of a message for people. */
export function messageText(topic: string, p: Record<string, unknown>): { title: string; body: string } {
  const stage = stageZh[String(p.stage)] ?? String(p.stage);
  switch (topic) {
    case 'card.issued':
      return {
        title: `督办${colourZh[String(p.colour)] ?? p.colour}：事项 ${p.caseId}`,
        body: `事项 ${p.caseId} 的${stage}阶段${p.colour === 'blue' ? '即将到期' : '已逾期'}（期限 ${p.dueAt}）。`,
      };
    case 'extension.requested':
      return { title: `延期申请：事项 ${p.caseId}`, body: `${stage}阶段申请延期 ${p.amount} ${p.unit}：${p.reason}` };
    case 'extension.decided':
      return {
        title: `延期${p.status === 'approved' ? '已批准' : '未批准'}：事项 ${p.caseId}`,
        body: p.status === 'approved' ? `新的期限为 ${p.dueAfter}。` : `理由：${p.note ?? '—'}`,
      };
    case 'case.cluster':
      return {
        title: `聚集预警：事项 ${p.caseId}`,
        body: `7日内本乡镇出现 ${Array.isArray(p.related) ? p.related.length + 1 : '多'} 件相似事项，请研判是否为一件事统一处置。`,
      };
    case 'assessment.warning': {
      const index = Number(p.index).toFixed(1);
      return {
        title: `平安指数预警：${p.regionName}`,
        body:
          p.reason === 'dropped'
            ? `${p.schemeName}：指数 ${index}，较上期（${Number(p.previous).toFixed(1)}）下降超过 ${p.limit} 分。`
            : `${p.schemeName}：指数 ${index}，低于预警线 ${p.limit}。`,
      };
    }
    case 'calendar.schedule_missing':
      return {
        title: `${p.year} 年节假日安排尚未录入`,
        body: `跨入 ${p.year} 年的办理时限暂按周一至周五（元旦休息）计算并标为“暂定”。请在国务院办公厅公布安排后到工作日历录入，受影响的时限将重新计算。`,
      };
    case 'config.invalid':
      return {
        title: `配置无法使用：${tableZh[String(p.table)] ?? p.table}`,
        body: `${p.regionPath ? `辖区 ${p.regionPath} ` : '全局'}的${tableZh[String(p.table)] ?? p.table}不在允许范围内（${p.problem}），督办巡查已跳过该行、改用上级规则，请修正。`,
      };
    case 'sweep.stage_skipped':
      return {
        title: '督办巡查跳过了无法计算的阶段',
        body: `${Array.isArray(p.stages) ? p.stages.length : ''} 个阶段的督办牌无法按现行督办规则计算（${p.problem}），已跳过并将每小时重试，请检查督办规则。`,
      };
    default:
      return { title: topic, body: JSON.stringify(p) };
  }
}
