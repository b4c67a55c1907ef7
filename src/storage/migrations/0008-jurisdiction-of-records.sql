-- Issue 11: audit records, webhooks and the outbox belong to a jurisdiction, as cases do.
-- The backfills below read users, regions and cases, which FORCE row-level security even for their
-- owner: this transaction works with the system's scope.
SELECT set_config('civicgrid.scope', '*', true);

-- True for the system's scope and for a root of the region tree (a path of one code, '32/'): the
-- scopes that see records which belong to no region (system work, and audit records from before
-- this migration).
CREATE FUNCTION civicgrid_scope_is_root() RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('civicgrid.scope', true), '') ~ '^(\*|[^/]+/)$'
$$;
GRANT EXECUTE ON FUNCTION civicgrid_scope_is_root() TO civicgrid_app;

-- Audit: each record carries the region path of its target (NULL: system work). The path is part of
-- the hashed content, so moving a record out of an auditor's sight breaks the chain; a record without
-- one hashes exactly as before, so the records written before this migration still verify.
ALTER TABLE audit_log ADD COLUMN region_path text COLLATE "C";
CREATE INDEX audit_log_region_idx ON audit_log (region_path, id);

CREATE OR REPLACE FUNCTION audit_content(r audit_log) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN r.region_path IS NULL THEN
    jsonb_build_array(r.id, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      r.actor_id, r.actor_name, r.action, r.target, r.outcome, r.request_id, r.details)::text
  ELSE
    jsonb_build_array(r.id, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      r.actor_id, r.actor_name, r.action, r.target, r.outcome, r.request_id, r.details, r.region_path)::text
  END
$$;

-- Anyone may append (a refused attempt on a foreign record is recorded too); an auditor reads the
-- records of their jurisdiction, and the root's auditor also those of no region.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_log_read ON audit_log FOR SELECT
  USING (civicgrid_in_scope(region_path) OR (region_path IS NULL AND civicgrid_scope_is_root()));
CREATE POLICY audit_log_append ON audit_log FOR INSERT WITH CHECK (true);

-- Webhooks belong to the jurisdiction of the administrator who registered them and receive only
-- events of cases inside it. Existing ones: the jurisdiction of whoever the audit log says registered
-- them, else the root of the tree (they were province-wide until now).
ALTER TABLE webhooks ADD COLUMN region_path text COLLATE "C";
UPDATE webhooks w SET region_path = coalesce(
  (SELECT u.scope_path FROM audit_log a JOIN users u ON u.id = a.actor_id
   WHERE a.action = 'webhook.create' AND a.outcome = 'ok' AND a.target = 'webhook:' || w.id ORDER BY a.id LIMIT 1),
  (SELECT r.path FROM regions r WHERE r.parent_code IS NULL ORDER BY r.path LIMIT 1),
  '');
ALTER TABLE webhooks ALTER COLUMN region_path SET NOT NULL;
CREATE INDEX webhooks_region_idx ON webhooks (region_path);
ALTER TABLE webhooks ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhooks FORCE ROW LEVEL SECURITY;
CREATE POLICY webhooks_scope ON webhooks USING (civicgrid_in_scope(region_path)) WITH CHECK (civicgrid_in_scope(region_path));

-- Outbox rows: a message (and its SMS) carries its case's region; a webhook delivery (and so a dead
-- letter) its webhook's. NULL: a message of no region, which reaches inboxes but no webhook.
ALTER TABLE outbox ADD COLUMN region_path text COLLATE "C";
UPDATE outbox o SET region_path = c.region_path FROM cases c
WHERE o.channel = 'fanout'
  AND c.id = CASE WHEN jsonb_typeof(o.payload -> 'caseId') = 'number' THEN (o.payload ->> 'caseId')::numeric::bigint END;
UPDATE outbox o SET region_path = coalesce((SELECT w.region_path FROM webhooks w WHERE w.id = o.webhook_id), f.region_path)
FROM outbox f
WHERE o.channel <> 'fanout' AND f.channel = 'fanout' AND f.idempotency_key = split_part(o.idempotency_key, '#', 1);
CREATE INDEX outbox_dead_region_idx ON outbox (region_path, dead_at) WHERE dead_at IS NOT NULL;
ALTER TABLE outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY outbox_read ON outbox FOR SELECT USING (civicgrid_in_scope(region_path));
CREATE POLICY outbox_change ON outbox FOR UPDATE USING (civicgrid_in_scope(region_path))
  WITH CHECK (civicgrid_in_scope(region_path));

-- Producers enqueue from their own scope, and a case their unit holds may lie outside it. An INSERT
-- … ON CONFLICT must pass the SELECT policy, so enqueueing goes through this function, which works
-- with the system's scope for that one statement: anyone may post a message, only its jurisdiction
-- (and the delivery loop) reads it.
CREATE FUNCTION civicgrid_enqueue(topics text[], channels text[], webhook_ids bigint[], payloads jsonb[],
  created timestamptz, available timestamptz[], keys text[], region_paths text[]) RETURNS int
LANGUAGE sql SECURITY DEFINER SET search_path = public SET civicgrid.scope = '*' AS $$
  WITH added AS (
    INSERT INTO outbox (topic, channel, webhook_id, payload, created_at, available_at, idempotency_key, region_path)
    SELECT t, c, w, p, created, a, k, r FROM unnest(topics, channels, webhook_ids, payloads, available, keys, region_paths)
      AS m(t, c, w, p, a, k, r)
    ON CONFLICT (idempotency_key) DO NOTHING RETURNING 1)
  SELECT count(*)::int FROM added
$$;
REVOKE ALL ON FUNCTION civicgrid_enqueue(text[], text[], bigint[], jsonb[], timestamptz, timestamptz[], text[], text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION civicgrid_enqueue(text[], text[], bigint[], jsonb[], timestamptz, timestamptz[], text[], text[]) TO civicgrid_app;
