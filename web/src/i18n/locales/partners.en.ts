import type { Messages } from './zh-CN.js';

/** Partner API keys for Open311 (English). */
export const partnersEn: Pick<Messages, 'partnerKeys'> = {
  partnerKeys: {
    title: 'Partner keys',
    subtitle:
      'Issue Open311 API keys to partner systems such as the 12345 hotline. Each key is bound to a channel and a jurisdiction; the server stores only its hash, and every call a partner makes is audited.',
    issue: 'Issue key',
    issueTitle: 'Issue a partner key',
    name: 'Partner name',
    namePlaceholder: 'e.g. 12345 government service hotline',
    keyPrefix: 'Key prefix',
    channel: 'Channel',
    channelHint: 'Cases the partner files are received through this channel.',
    transferSource: 'Transferred from',
    jurisdiction: 'Jurisdiction',
    jurisdictionHint: 'The partner may file cases only in this region and below.',
    createdAt: 'Issued',
    lastUsedAt: 'Last used',
    neverUsed: 'Never used',
    active: 'Active',
    revoked: 'Revoked',
    revokedAt: 'Revoked {{time}}',
    revoke: 'Revoke',
    confirmRevoke: 'Revoke the key of “{{name}}”? The partner’s calls are refused at once, and this cannot be undone.',
    revokedDone: 'Key revoked',
    issuedTitle: 'Key issued: {{name}}',
    issuedWarning:
      'This key is shown only this once. Copy it now and hand it to the partner to keep safe; once closed it cannot be shown again and the server cannot recover it. A lost key can only be revoked and issued anew.',
    keyLabel: 'API key (api_key)',
    copy: 'Copy key',
    copied: 'Copied',
    saved: 'I have saved it, close',
  },
};
