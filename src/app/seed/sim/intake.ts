import type { SubmitCaseInput } from '../../../contract/cases.js';
import type { Channel, Complexity } from '../../../core/case/types.js';
import type { Rng } from './prng.js';
import type { Place, SimWorld } from './world.js';
import { drawSlots, fill, type Topic } from './topic.js';
import { disputeTopics } from './topics-disputes.js';
import { otherTopics } from './topics-others.js';
import { companyName, doorAddress, idNumber, mobile, personName } from './people.js';

const topics = [...disputeTopics, ...otherTopics];
const topicWeights = Object.fromEntries(topics.map((t, i) => [String(i), t.weight]));

/** Who registers the case: a grid worker of its grid, a window clerk (county or township), the hotline. */
export type Registrar =
  | { kind: 'gridworker'; place: Place }
  | { kind: 'county_clerk' }
  | { kind: 'town_clerk'; town: string }
  | { kind: 'hotline' };

/** One simulated intake: what is submitted, by whom, and the topic for the later texts. */
export type PlannedIntake = {
  input: SubmitCaseInput;
  registrar: Registrar;
  place: Place;
  topic: Topic;
  slots: Record<string, string>;
};

/** Draws a case: topic, channel, place, complexity, parties and texts, all from the case's own random stream. */
export function planIntake(rng: Rng, world: SimWorld, at: Date): PlannedIntake {
  const topic = topics[Number(rng.weighted(topicWeights))]!;
  const grids = world.places.filter((p) => p.level === 6);
  let channel = rng.weighted(topic.channels) as Channel;
  if (channel === 'grid' && grids.length === 0) channel = 'walk_in';
  const villages = world.places.filter((p) => p.level === 5);
  const place =
    channel === 'grid' ? rng.pick(grids) : rng.pick(villages.length > 0 && rng.chance(0.7) ? villages : world.places);
  const a = personName(rng),
    b = topic.respondent === 'company' ? companyName(rng) : personName(rng);
  const slots = drawSlots(rng, {
    place: place.villageName,
    town: place.townName,
    a,
    b,
    company: topic.respondent === 'company' ? b : companyName(rng),
  });
  const input: SubmitCaseInput = {
    kind: topic.kind,
    channel,
    title: fill(rng.pick(topic.titles), slots).slice(0, 120),
    description: fill(rng.pick(topic.descriptions), slots),
    categoryCode: topic.category,
    complexity: complexity(rng, topic),
    regionCode: place.code,
    ...(channel === 'transfer' ? { transfer: transferFrom(rng, topic, at, world.countyCode) } : {}),
    ...(rng.chance(0.6) ? { address: doorAddress(rng, place.villageName) } : {}),
    ...(channel === 'grid'
      ? { point: { lat: 31.99 + rng.between(-0.06, 0.06), lng: 118.77 + rng.between(-0.08, 0.08) } }
      : {}),
    parties: parties(rng, topic, channel, a, b, place),
    attachments: attachments(rng, channel),
  };
  return { input, registrar: registrar(rng, channel, place), place, topic, slots };
}

function complexity(rng: Rng, topic: Topic): Complexity {
  if (topic.kind === 'petition') return rng.weighted({ general: 70, major: 26, special: 4 });
  if (topic.kind === 'dispute') return rng.weighted({ general: 83, major: 14, special: 3 });
  return rng.weighted({ general: 92, major: 8 });
}

function registrar(rng: Rng, channel: Channel, place: Place): Registrar {
  if (channel === 'grid') return { kind: 'gridworker', place };
  if (channel === 'hotline') return { kind: 'hotline' };
  if (channel === 'walk_in' && rng.chance(0.4)) return { kind: 'town_clerk', town: place.town };
  return { kind: 'county_clerk' };
}

/** 诉调 / 公调 / 访调 对接: the sending body follows the matter, with its own file number. */
function transferFrom(rng: Rng, topic: Topic, at: Date, county: string): NonNullable<SubmitCaseInput['transfer']> {
  const year = at.getUTCFullYear();
  const n = rng.int(100, 4999);
  if (topic.kind === 'petition') return { source: 'petition_bureau', reference: `宁信转〔${year}〕${n}号` };
  if (topic.category === 'traffic' || topic.category.startsWith('neighbour'))
    return { source: 'police', reference: `宁公雨(治)调字〔${year}〕${n}号` };
  return { source: 'court', reference: `(${year})苏${county.slice(2)}民初${n}号` };
}

function parties(
  rng: Rng,
  topic: Topic,
  channel: Channel,
  a: string,
  b: string,
  place: Place,
): SubmitCaseInput['parties'] {
  // A grid worker reporting a hazard they found on patrol names no applicant.
  if (topic.kind === 'hazard' && channel === 'grid') return [];
  const applicant = {
    role: 'applicant' as const,
    name: a,
    phone: mobile(rng),
    ...(rng.chance(0.7) ? { idNumber: idNumber(rng) } : {}),
    ...(rng.chance(0.5) ? { address: doorAddress(rng, place.villageName) } : {}),
  };
  if (topic.respondent === 'none') return [applicant];
  const respondent =
    topic.respondent === 'company'
      ? {
          role: 'respondent' as const,
          name: b,
          ...(rng.chance(0.5) ? { phone: `025-5${rng.int(1000000, 9999999)}` } : {}),
        }
      : {
          role: 'respondent' as const,
          name: b,
          ...(rng.chance(0.7) ? { phone: mobile(rng) } : {}),
          ...(rng.chance(0.3) ? { idNumber: idNumber(rng) } : {}),
        };
  return [applicant, respondent];
}

function attachments(rng: Rng, channel: Channel): SubmitCaseInput['attachments'] {
  if (!(channel === 'grid' || channel === 'letter' || channel === 'transfer') || rng.chance(0.4)) return [];
  const name =
    channel === 'grid' ? `现场照片${rng.int(1, 3)}.jpg` : channel === 'letter' ? '来信扫描件.pdf' : '移送函.pdf';
  return [
    { name, contentType: name.endsWith('.jpg') ? 'image/jpeg' : 'application/pdf', size: rng.int(80_000, 3_000_000) },
  ];
}
