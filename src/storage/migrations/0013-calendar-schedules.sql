-- Deadlines counted across a year whose holiday schedule was not entered are provisional (issue 11,
-- point 15): the stage stores the mark its core computation reported. Stages running now are marked
-- when their counting (start to due, CST days) crosses a year that holds no calendar row and their
-- limit is counted in days; entering that year's schedule recounts them and clears the mark.
ALTER TABLE assignment_stages ADD COLUMN provisional boolean NOT NULL DEFAULT false;

UPDATE assignment_stages SET provisional = true
WHERE completed_at IS NULL AND due_at IS NOT NULL AND policy->>'unit' <> 'hour'
  AND EXISTS (
    SELECT 1
    FROM generate_series(
      extract(year FROM (start_at AT TIME ZONE 'UTC') + interval '8 hours')::int,
      extract(year FROM (due_at AT TIME ZONE 'UTC') + interval '8 hours' - interval '1 millisecond')::int
    ) AS y
    WHERE NOT EXISTS (
      SELECT 1 FROM calendar_days WHERE date >= make_date(y, 1, 1) AND date < make_date(y + 1, 1, 1)
    )
  );

-- The history's event types are the core's EVENT_TYPES (test/storage/vocabulary.test.ts), now with
-- the recount of a deadline after a calendar change.
ALTER TABLE case_events ADD CONSTRAINT case_events_type_check CHECK (type IN (
  'received', 'dispatched', 'redispatched', 'signed', 'handling_started', 'joint_requested', 'co_task_signed',
  'co_task_replied', 'co_task_closed', 'escalated', 'sent_back', 'transferred', 'suspended', 'resumed',
  'resolved', 'evaluated', 'reopened', 'closed', 'merged', 'deadline_recounted'
));

-- Re-arming (migration 0007) learns a range: card rules re-arm every running stage (no range), a
-- calendar change only those whose counting, start to due, touches the changed year [touch_from, touch_to).
DROP FUNCTION civicgrid_rearm_running_stages();
CREATE FUNCTION civicgrid_rearm_running_stages(touch_from timestamptz DEFAULT NULL, touch_to timestamptz DEFAULT NULL)
RETURNS bigint
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  WITH rearmed AS (
    UPDATE assignment_stages SET next_card_at = start_at
    WHERE completed_at IS NULL AND due_at IS NOT NULL
      AND (touch_to IS NULL OR start_at < touch_to)
      AND (touch_from IS NULL OR due_at > touch_from)
    RETURNING 1
  )
  SELECT count(*) FROM rearmed
$$;
REVOKE EXECUTE ON FUNCTION civicgrid_rearm_running_stages(timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION civicgrid_rearm_running_stages(timestamptz, timestamptz) TO civicgrid_app;
