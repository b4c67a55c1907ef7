-- Card rules are global: replacing them re-arms every running stage, wherever it lies, so the next
-- sweep recomputes each one's next card instant under the new rules. The replacement runs in the
-- administrator's one transaction, whose row-level scope is their jurisdiction; SECURITY DEFINER lets
-- this one statement reach the stages past it. It only moves next_card_at back to the stage's start
-- and returns a count: nothing of the rows it touches is shown to the caller.
CREATE FUNCTION civicgrid_rearm_running_stages() RETURNS bigint
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  WITH rearmed AS (
    UPDATE assignment_stages SET next_card_at = start_at
    WHERE completed_at IS NULL AND due_at IS NOT NULL
    RETURNING 1
  )
  SELECT count(*) FROM rearmed
$$;
REVOKE EXECUTE ON FUNCTION civicgrid_rearm_running_stages() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION civicgrid_rearm_running_stages() TO civicgrid_app;
