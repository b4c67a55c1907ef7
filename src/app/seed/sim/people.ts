import type { Rng } from './prng.js';

// Common family names (百家姓, by frequency) and given-name characters, for plausible parties and staff.
const surnames = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const givenChars = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰建国建华志强海燕晓东红梅春梅德明文俊宇浩然欣怡子涵雨轩思远佳琪梓萱一鸣国庆志刚玉珍凤英',
];

/** A Chinese personal name: a family name and one or two given characters. */
export function personName(rng: Rng): string {
  const given = rng.chance(0.35) ? rng.pick(givenChars) : `${rng.pick(givenChars)}${rng.pick(givenChars)}`;
  return `${rng.pick(surnames)}${given}`;
}

const mobilePrefixes = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '157',
  '158',
  '159',
  '166',
  '170',
  '176',
  '177',
  '180',
  '181',
  '182',
  '183',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

/** A mainland mobile number, 1[3-9] followed by nine digits. */
export function mobile(rng: Rng): string {
  let s = rng.pick(mobilePrefixes);
  while (s.length < 11) s += String(rng.int(0, 9));
  return s;
}

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The GB 11643 check character (ISO 7064 MOD 11-2) of the first 17 digits. */
export function idCheckChar(first17: string): string {
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return '10X98765432'[sum % 11]!;
}

// Residents of the demo county are mostly born locally, some elsewhere in Jiangsu or in Anhui.
const birthAreas = [
  '320114',
  '320114',
  '320114',
  '320104',
  '320105',
  '320113',
  '320115',
  '320116',
  '321281',
  '320321',
  '341122',
  '340123',
];

/** A valid 18-digit resident ID number: area, birth date (1950–2003), sequence, check character. */
export function idNumber(rng: Rng): string {
  const y = rng.int(1950, 2003),
    m = rng.int(1, 12),
    d = rng.int(1, 28);
  const date = `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
  const first17 = `${rng.pick(birthAreas)}${date}${String(rng.int(1, 999)).padStart(3, '0')}`;
  return `${first17}${idCheckChar(first17)}`;
}

/** A door address inside a village or community: building, unit and room, or a group and house number. */
export function doorAddress(rng: Rng, place: string): string {
  return rng.chance(0.6)
    ? `${place}${rng.int(1, 32)}栋${rng.int(1, 4)}单元${rng.int(1, 18)}0${rng.int(1, 4)}室`
    : `${place}${rng.int(1, 12)}组${rng.int(1, 88)}号`;
}

const companyStems = ['宏达', '恒信', '金鼎', '华宇', '鑫源', '永安', '瑞丰', '中诚', '天成', '锦程', '荣盛', '嘉和'];
const companyTrades = ['建筑劳务', '物业管理', '装饰工程', '电子科技', '餐饮管理', '物流', '机械制造', '保洁服务'];

/** A plausible local company name (南京某某建筑劳务有限公司). */
export function companyName(rng: Rng, trade?: string): string {
  return `南京${rng.pick(companyStems)}${trade ?? rng.pick(companyTrades)}有限公司`;
}
