import { i18n } from '../../i18n/i18n.js';

/** The portal's strings, added to the app's i18next instance when a public page loads. */
const zh = {
  title: '群众诉求服务平台', subtitle: '网上反映 · 进度查询 · 催办 · 评价', language: 'English',
  nav: { submit: '我要反映', track: '进度查询', urge: '催办', evaluate: '评价' },
  submit: {
    heading: '我要反映', kind: '事项类型', category: '事项分类', region: '所在地区', regionHint: '请选到乡镇（街道）或村（社区）',
    description: '具体情况', descriptionHint: '请写明时间、地点和诉求（至少5个字）', address: '详细地址（选填）', point: '位置坐标（选填）',
    locate: '使用当前位置', located: '已定位', contactName: '联系人', phone: '手机号码', send: '提交', sending: '提交中…',
    done: '提交成功', codeLabel: '您的查询码', codeHelp: '请保存查询码。查询进度时需要查询码和手机号后四位。', copy: '复制查询码', copied: '已复制',
    trackNow: '查询进度', another: '再反映一件',
  },
  kinds: { appeal: '诉求', dispute: '矛盾纠纷', hazard: '安全隐患', petition: '信访' },
  track: {
    heading: '进度查询', code: '查询码', codeHint: '例如 7KQM-3XWD-9FHB-T2RN', last4: '手机号后四位', go: '查询', status: '办理状态',
    unit: '当前承办单位', deadline: '办理时限', noDeadline: '暂无计时', received: '受理时间', timeline: '办理过程', outcome: '办理结果',
    urges: '已催办 {{count}} 次', category: '事项分类',
  },
  urge: { heading: '催办', button: '催办', note: '催办说明（选填）', done: '已催办，承办单位会看到您的催办', today: '今天已催办过，明天可再次催办', notAllowed: '该事项不在办理中，无需催办' },
  evaluate: {
    heading: '评价', button: '提交评价', rating: '您的评价', comment: '意见建议（选填）', satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意',
    done: '感谢您的评价', reopened: '您选择了不满意，事项已退回重新办理', notYet: '事项办结后才能评价', rated: '您已评价',
  },
};
const en: typeof zh = {
  title: 'Residents\u2019 service portal', subtitle: 'Report · Track · Urge · Rate', language: '中文',
  nav: { submit: 'Report', track: 'Track', urge: 'Urge', evaluate: 'Rate' },
  submit: {
    heading: 'Report a matter', kind: 'Type', category: 'Category', region: 'Area', regionHint: 'Choose a township or a village',
    description: 'What happened', descriptionHint: 'When, where, and what you ask for (at least 5 characters)', address: 'Address (optional)', point: 'Location (optional)',
    locate: 'Use my location', located: 'Located', contactName: 'Your name', phone: 'Mobile number', send: 'Send', sending: 'Sending…',
    done: 'Sent', codeLabel: 'Your tracking code', codeHelp: 'Keep this code. To track, you need it and the last four digits of your phone.', copy: 'Copy the code', copied: 'Copied',
    trackNow: 'Track it', another: 'Report another',
  },
  kinds: { appeal: 'Request', dispute: 'Dispute', hazard: 'Safety hazard', petition: 'Petition' },
  track: {
    heading: 'Track a matter', code: 'Tracking code', codeHint: 'e.g. 7KQM-3XWD-9FHB-T2RN', last4: 'Last 4 digits of your phone', go: 'Track', status: 'Status',
    unit: 'Handled by', deadline: 'Due by', noDeadline: 'No clock running', received: 'Received', timeline: 'Progress', outcome: 'Outcome',
    urges: 'Urged {{count}} times', category: 'Category',
  },
  urge: { heading: 'Urge', button: 'Urge', note: 'Note (optional)', done: 'Urged: the unit will see it', today: 'Already urged today; you can urge again tomorrow', notAllowed: 'This matter is not being handled, so it cannot be urged' },
  evaluate: {
    heading: 'Rate', button: 'Send rating', rating: 'Your rating', comment: 'Comment (optional)', satisfied: 'Satisfied', basically_satisfied: 'Basically satisfied', dissatisfied: 'Dissatisfied',
    done: 'Thank you for your rating', reopened: 'You were dissatisfied: the matter has been reopened', notYet: 'You can rate once it is resolved', rated: 'You have rated it',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', { portal: zh }, true, false);
i18n.addResourceBundle('en', 'translation', { portal: en }, true, false);

/** Words from the server in the current language. */
export const pick = (w: { zh: string; en: string } | undefined, language: string) => (w ? (language.startsWith('zh') ? w.zh : w.en) : '');
