/**
 * Who a card goes to, as data (issue 4, DESIGN.md 四级联动): a blue card reminds the handling
 * unit; a yellow card notifies the leader of the handling unit's level; a red card notifies the
 * leader of the parent level and appears on that level's supervision board (督办).
 */
import type { CardColour } from './cards.js';

/** Whom a card notifies, how many region levels above the handling unit, and whether it goes on the board. */
export type Escalation = {
  readonly notify: 'handling_unit' | 'level_leader';
  readonly levelsUp: number;
  readonly onSupervisionBoard: boolean;
};

/** The default escalation table, one row per colour. */
export const DEFAULT_ESCALATION: Readonly<Record<CardColour, Escalation>> = Object.freeze({
  blue: { notify: 'handling_unit', levelsUp: 0, onSupervisionBoard: false },
  yellow: { notify: 'level_leader', levelsUp: 0, onSupervisionBoard: false },
  red: { notify: 'level_leader', levelsUp: 1, onSupervisionBoard: true },
});

/** The escalation row for a colour. */
export function escalationFor(
  colour: CardColour,
  table: Readonly<Record<CardColour, Escalation>> = DEFAULT_ESCALATION,
): Escalation {
  return table[colour];
}

/**
 * The region level (province 1 … micro-grid 7) whose leader receives the card, given the
 * handling unit's level; it never climbs above the province.
 */
export function supervisingLevel(handlingLevel: number, colour: CardColour, table = DEFAULT_ESCALATION): number {
  return Math.max(1, handlingLevel - escalationFor(colour, table).levelsUp);
}
