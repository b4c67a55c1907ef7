-- Issue 11 (points 4 and 5): configuration belongs to a jurisdiction, and every configurable
-- duration has a sane range.

-- Bounds (src/core/deadline/bounds.ts spells the same numbers; test/storage/config-bounds.test.ts
-- holds them together). NOT VALID: a row written before this migration still migrates; the sweep
-- meets it, skips it and reports it to the administrators of its jurisdiction.
ALTER TABLE deadline_policies ADD CONSTRAINT deadline_policies_amount_bound
  CHECK (amount <= CASE unit WHEN 'hour' THEN 8760 ELSE 365 END) NOT VALID;
ALTER TABLE deadline_policies ADD CONSTRAINT deadline_policies_max_extension_bound
  CHECK (max_extension_amount <= CASE max_extension_unit WHEN 'hour' THEN 8760 ELSE 365 END) NOT VALID;
ALTER TABLE extension_requests ADD CONSTRAINT extension_requests_amount_bound
  CHECK (amount <= CASE unit WHEN 'hour' THEN 8760 ELSE 365 END) NOT VALID;
ALTER TABLE card_rules ADD CONSTRAINT card_rules_bounds CHECK (
  blue_passed_fraction BETWEEN 0 AND 1
  AND blue_working_days_left BETWEEN 0 AND 365
  AND yellow_overdue_ms BETWEEN 0 AND 2592000000
  AND red_overdue_fraction BETWEEN 0 AND 100
  AND red_overdue_working_days BETWEEN 0 AND 365
  AND backlog_green_days BETWEEN 0 AND 3650
  AND backlog_yellow_days BETWEEN backlog_green_days AND 3650
  AND backlog_red_days BETWEEN backlog_yellow_days AND 3650
  AND backlog_difficult_raise BETWEEN 0 AND 2
) NOT VALID;

-- Dispatch rules, deadline policies and card rules belong to a jurisdiction: region_path is the
-- path of the region whose administrators set them, or '' for the deployment's top, which the root
-- administrator sets (and which every row written so far becomes). A case uses the nearest row up
-- its region path; the calendar and the category tree stay the top's alone (src/app/config/).
ALTER TABLE dispatch_rules ADD COLUMN region_path text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE dispatch_rules ALTER COLUMN region_path DROP DEFAULT;
DROP INDEX dispatch_rules_position_idx;
CREATE INDEX dispatch_rules_position_idx ON dispatch_rules (region_path, position, id);

ALTER TABLE deadline_policies ADD COLUMN region_path text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE deadline_policies ALTER COLUMN region_path DROP DEFAULT;
DROP INDEX deadline_policies_key_idx;
CREATE UNIQUE INDEX deadline_policies_key_idx
  ON deadline_policies (region_path, coalesce(kind, '*'), coalesce(complexity, '*'), stage);

-- One row of card rules per jurisdiction instead of the single row 1.
ALTER TABLE card_rules ADD COLUMN region_path text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE card_rules ALTER COLUMN region_path DROP DEFAULT;
ALTER TABLE card_rules DROP COLUMN id;
ALTER TABLE card_rules ADD PRIMARY KEY (region_path);

-- Whether a configuration row at path p applies inside the transaction's scope: the scope lies at
-- or below p (an inherited row, '' included). Rows inside the scope are civicgrid_in_scope's.
CREATE FUNCTION civicgrid_scope_under(p text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT CASE coalesce(current_setting('civicgrid.scope', true), '')
    WHEN '' THEN false
    WHEN '*' THEN true
    ELSE starts_with(current_setting('civicgrid.scope', true), p)
  END
$$;
-- Whether the scope may write a configuration row at p: inside it, or the top at a root.
CREATE FUNCTION civicgrid_config_writable(p text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT civicgrid_in_scope(p) OR (p = '' AND civicgrid_scope_is_root())
$$;
GRANT EXECUTE ON FUNCTION civicgrid_scope_under(text), civicgrid_config_writable(text) TO civicgrid_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['dispatch_rules', 'deadline_policies', 'card_rules'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (civicgrid_scope_under(region_path) OR civicgrid_in_scope(region_path))', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK (civicgrid_config_writable(region_path))', t || '_add', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING (civicgrid_config_writable(region_path)) WITH CHECK (civicgrid_config_writable(region_path))', t || '_change', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING (civicgrid_config_writable(region_path))', t || '_remove', t);
  END LOOP;
END $$;
GRANT DELETE ON card_rules TO civicgrid_app;
