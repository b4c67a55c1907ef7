/** Partner API keys for Open311 (Simplified Chinese); spread into zh-CN.ts. */
export const partnersZh = {
  partnerKeys: {
    title: '合作方密钥',
    subtitle:
      '为 12345 热线等合作方系统签发 Open311 接口密钥。每个密钥绑定一个来源渠道和一个辖区；服务器只保存密钥的哈希值，合作方的每次调用都记入审计日志。',
    issue: '签发密钥',
    issueTitle: '签发合作方密钥',
    name: '合作方名称',
    namePlaceholder: '如：12345 政务服务便民热线',
    keyPrefix: '密钥前缀',
    channel: '来源渠道',
    channelHint: '合作方登记的事项以此渠道受理。',
    transferSource: '移交来源',
    jurisdiction: '辖区',
    jurisdictionHint: '合作方只能在此区划及其下级登记事项。',
    createdAt: '签发时间',
    lastUsedAt: '最近使用',
    neverUsed: '从未使用',
    active: '有效',
    revoked: '已吊销',
    revokedAt: '吊销于 {{time}}',
    revoke: '吊销',
    confirmRevoke: '确定吊销“{{name}}”的密钥吗？吊销后该合作方的调用将立即被拒绝，且无法恢复。',
    revokedDone: '密钥已吊销',
    issuedTitle: '密钥已签发：{{name}}',
    issuedWarning:
      '此密钥只显示这一次。请立即复制并交给合作方妥善保存；关闭后无法再次查看，服务器也无法找回，遗失只能吊销后重新签发。',
    keyLabel: '接口密钥（api_key）',
    copy: '复制密钥',
    copied: '已复制',
    saved: '我已保存，关闭',
  },
};
