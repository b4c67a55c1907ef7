import { describe, expect, it } from 'vitest';
import { availableActions, perform, type ActionInputs } from './actions.js';
import { ALLOWED_FROM, canonicalMove, fixture, LABELS, type Label } from './canonical-moves.js';
import { ACTORS, attemptAs, later } from './case-fixtures.js';
import { replay } from './evolve.js';
import { ACTION_NAMES, type ActionName } from './types.js';

const states = Object.fromEntries(LABELS.map((l) => [l, fixture(l)])) as Record<Label, ReturnType<typeof fixture>>;
const cells = ACTION_NAMES.flatMap((action) =>
  LABELS.map((label) => ({ action, label, allowed: ALLOWED_FROM[action].includes(label) })),
);
const allowedCells = cells.filter((c) => c.allowed);

/** Tries the canonical move of an action on the fixture of a label. */
const tryCell = (action: ActionName, label: Label) => {
  const s = states[label];
  const { actor, input } = canonicalMove(action, s);
  return { s, result: attemptAs(s, action, actor, input) };
};

describe('every action from every status', () => {
  it.each(cells)('$action from $label: allowed=$allowed', ({ action, label, allowed }) => {
    const { s, result } = tryCell(action, label);
    if (allowed) {
      expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
      if (!result.ok) return;
      const { state, events } = result.value;
      expect(state.version).toBe(s.version + 1);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ version: state.version, fromStatus: s.status, toStatus: state.status });
      expect(replay(s, events)).toEqual({ ok: true, value: state });
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('InvalidTransition');
    }
  });
});

describe('the canonical actor sees exactly the allowed actions', () => {
  it.each(cells)('$action listed from $label iff allowed', ({ action, label, allowed }) => {
    const s = states[label];
    expect(availableActions(s, canonicalMove(action, s).actor).includes(action)).toBe(allowed);
  });
});

describe('an auditor or an administrator may take no action anywhere', () => {
  it.each(allowedCells)('$action from $label', ({ action, label }) => {
    const s = states[label];
    const { input } = canonicalMove(action, s);
    for (const who of [ACTORS.auditor, ACTORS.admin]) {
      const r = attemptAs(s, action, who, input);
      expect(r.ok ? 'ok' : r.error.code).toBe('Forbidden');
      expect(availableActions(s, who)).toEqual([]);
    }
  });
});

describe('optimistic concurrency', () => {
  it.each(allowedCells)('$action from $label with a stale version is refused', ({ action, label }) => {
    const s = states[label];
    const { actor, input } = canonicalMove(action, s);
    for (const v of [s.version - 1, s.version + 1]) {
      const r = perform(action, s, actor, { ...input, expectedVersion: v } as ActionInputs[typeof action], later(s));
      expect(r.ok ? 'ok' : r.error.code).toBe('StaleVersion');
    }
  });

  it('a stale version is reported before the status is judged', () => {
    const s = states.closed;
    const r = perform('sign', s, ACTORS.villageMediator, { expectedVersion: 1 }, later(s));
    expect(r.ok ? 'ok' : r.error.code).toBe('StaleVersion');
  });

  it('a clock running backwards is refused', () => {
    const s = states.dispatched;
    const r = attemptAs(s, 'sign', ACTORS.villageMediator, {}, new Date(s.updatedAt.getTime() - 1));
    expect(r.ok ? 'ok' : r.error.code).toBe('ValidationFailed');
  });
});

describe('a merged case is terminal and a closed case moves only by reopening', () => {
  it('merged lists nothing for anyone', () => {
    for (const who of Object.values(ACTORS)) expect(availableActions(states.merged, who)).toEqual([]);
  });
  it('closed lists only reopen', () => {
    const listed = new Set(Object.values(ACTORS).flatMap((who) => availableActions(states.closed, who)));
    expect([...listed]).toEqual(['reopen']);
  });
});
