import type { SubmitCaseInput } from '../../contract/cases.js';
import { DomainError } from '../../core/errors.js';

/** The fields of a POST (first value of each). */
export type PostedRequest = Record<string, string | undefined>;
/** What a client sent beyond a request's own fields: GeoReport attributes, and file parts not kept. */
export type PostedExtras = {
  attributes: Record<string, string | string[]>;
  files: { field: string; name: string; type: string; size: number }[];
};
/** What the case keeps of them (open311_requests.attributes), until attributes and attachments arrive. */
export type KeptExtras = {
  attributes?: Record<string, string | string[]>;
  media_url?: string;
  media_dropped?: PostedExtras['files'];
};

const cut = (s: string, n: number) => [...s].slice(0, n).join('');
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
// Han, kana, Hangul and their compatibility blocks: names written without a space, family name first
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;

/** A title for staff lists: the description on one line (its line breaks and runs of spaces collapsed), shortened. */
export const titleOf = (text: string): string => cut(oneLine(text), 60).padEnd(2, '。');

/** A person's name from GeoReport's two fields: `first last` where Latin, `姓名` (family first, no space) where CJK. */
export function personName(first: string | undefined, last: string | undefined): string {
  const f = oneLine(first ?? ''),
    l = oneLine(last ?? '');
  if (!f || !l) return cut(f || l, 60);
  return cut(CJK.test(f + l) ? `${l}${f}` : `${f} ${l}`, 60);
}

/** The requester as the case's applicant, with each contact they gave (the e-mail is kept, encrypted, as a contact). */
export function applicant(p: PostedRequest): SubmitCaseInput['parties'] {
  const name = personName(p.first_name, p.last_name);
  const phone = p.phone?.trim() || undefined;
  const email = p.email?.trim() || undefined;
  if (!name && !phone && !email) return [];
  if (phone && !/^[\d\s+()-]{5,20}$/.test(phone))
    throw new DomainError('ValidationFailed', 'phone is not a phone number', { field: 'phone' });
  if (email && (email.length > 254 || !/^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/.test(email)))
    throw new DomainError('ValidationFailed', 'email is not an e-mail address', { field: 'email' });
  return [{ role: 'applicant', name: name || '匿名', phone, email }];
}

/** Checks and keeps the extras: at most 50 attributes of 1,000 characters each, an http(s) media_url. */
export function keptExtras(p: PostedRequest, extras: PostedExtras): KeptExtras {
  const entries = Object.entries(extras.attributes);
  if (entries.length > 50) throw new DomainError('ValidationFailed', 'at most 50 attributes', { field: 'attribute' });
  for (const [code, v] of entries)
    if ([v].flat().some((x) => x.length > 1000) || [v].flat().length > 50)
      throw new DomainError('ValidationFailed', `attribute[${code}] is too long`, { field: `attribute[${code}]` });
  const media = p.media_url?.trim();
  if (media && (media.length > 2048 || !/^https?:\/\/[^\s]+$/i.test(media)))
    throw new DomainError('ValidationFailed', 'media_url must be an http(s) URL', { field: 'media_url' });
  return {
    ...(entries.length ? { attributes: extras.attributes } : {}),
    ...(media ? { media_url: media } : {}),
    ...(extras.files.length ? { media_dropped: extras.files } : {}),
  };
}

/** The extras as a note under the description, so staff see them on the case page (in Chinese, as staff read). */
export function extrasNote(kept: KeptExtras): string {
  const lines = [
    ...Object.entries(kept.attributes ?? {}).map(([code, v]) => `${code}：${[v].flat().join('、')}`),
    ...(kept.media_url ? [`照片链接：${kept.media_url}`] : []),
    ...(kept.media_dropped ?? []).map(
      (f) => `未保存的上传文件：${f.name || f.field}（${f.type || '未知类型'}，${Math.ceil(f.size / 1024)} KB）`,
    ),
  ];
  return lines.length ? cut(`\n\n【Open311 附加信息】\n${lines.join('\n')}`, 900) : '';
}
