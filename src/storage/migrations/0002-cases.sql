-- Cases: intake, parties (contact data encrypted), assignments per unit, the event log, dispatch rules.

-- A case is visible to whoever's jurisdiction covers its region, and also to the units that hold an
-- assignment of it (a county department handling a case it was sent from another branch).
-- SECURITY DEFINER: the lookup must see assignments regardless of the caller's own RLS scope.
CREATE TABLE assignments (
  case_id bigint NOT NULL,
  seq int NOT NULL,
  unit_id bigint NOT NULL REFERENCES units(id),
  role text NOT NULL CHECK (role IN ('lead', 'co')),
  state text NOT NULL CHECK (state IN ('open', 'signed', 'replied', 'closed')),
  task text,
  reply text,
  region_path text COLLATE "C" NOT NULL,
  assigned_at timestamptz NOT NULL,
  signed_at timestamptz,
  ended_at timestamptz,
  PRIMARY KEY (case_id, seq)
);
CREATE INDEX assignments_unit_state_idx ON assignments (unit_id, state);
CREATE INDEX assignments_region_path_idx ON assignments (region_path);

CREATE FUNCTION civicgrid_unit_holds(p_case bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(current_setting('civicgrid.unit', true), '') <> ''
     AND EXISTS (SELECT 1 FROM assignments a WHERE a.case_id = p_case
                 AND a.unit_id = current_setting('civicgrid.unit', true)::bigint)
$$;

-- The id is drawn before the row is written: the core's intake event carries it.
CREATE SEQUENCE cases_id_seq;
CREATE TABLE cases (
  id bigint PRIMARY KEY DEFAULT nextval('cases_id_seq'),
  tracking_code text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('appeal', 'dispute', 'petition', 'hazard')),
  channel text NOT NULL CHECK (channel IN ('grid', 'hotline', 'walk_in', 'online', 'letter', 'transfer')),
  complexity text NOT NULL CHECK (complexity IN ('general', 'major', 'special')),
  category_code text NOT NULL REFERENCES categories(code),
  region_code text NOT NULL REFERENCES regions(code),
  region_path text COLLATE "C" NOT NULL,
  title text NOT NULL,
  description text NOT NULL,
  address text,
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lng double precision CHECK (lng BETWEEN -180 AND 180),
  transfer_source text CHECK (transfer_source IN ('court', 'police', 'procuratorate', 'petition_bureau')),
  transfer_ref text,
  attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
  status text NOT NULL,
  version int NOT NULL,
  centre_unit_id bigint NOT NULL REFERENCES units(id),
  lead_unit_id bigint REFERENCES units(id),
  -- the core's CaseState as of `version`; the event log replays to it (a test checks)
  state jsonb NOT NULL,
  repeat_of bigint REFERENCES cases(id),
  merged_into bigint REFERENCES cases(id),
  difficult boolean NOT NULL DEFAULT false,
  -- a retried intake (same scope and key) returns the first case instead of making another
  idempotency_scope text NOT NULL,
  idempotency_key text NOT NULL,
  created_by bigint REFERENCES users(id),
  received_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  resolved_at timestamptz,
  closed_at timestamptz,
  UNIQUE (idempotency_scope, idempotency_key)
);
CREATE INDEX cases_region_path_idx ON cases (region_path, received_at DESC);
CREATE INDEX cases_status_idx ON cases (status, received_at DESC);
CREATE INDEX cases_lead_unit_idx ON cases (lead_unit_id, status);
CREATE INDEX cases_received_idx ON cases (received_at DESC);
ALTER TABLE assignments ADD FOREIGN KEY (case_id) REFERENCES cases(id);

CREATE TABLE case_parties (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES cases(id),
  role text NOT NULL CHECK (role IN ('applicant', 'respondent')),
  name text NOT NULL,
  -- encrypted (AES-256-GCM or SM4, key id inside the envelope) and keyed hashes for matching
  phone_enc text,
  id_number_enc text,
  address_enc text,
  phone_hash text,
  id_number_hash text,
  phone_last4_hash text,
  region_path text COLLATE "C" NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX case_parties_case_idx ON case_parties (case_id);
CREATE INDEX case_parties_phone_hash_idx ON case_parties (phone_hash) WHERE phone_hash IS NOT NULL;
CREATE INDEX case_parties_id_hash_idx ON case_parties (id_number_hash) WHERE id_number_hash IS NOT NULL;

CREATE TABLE case_events (
  case_id bigint NOT NULL REFERENCES cases(id),
  version int NOT NULL,
  type text NOT NULL,
  at timestamptz NOT NULL,
  actor_user_id bigint,
  actor_unit_id bigint,
  from_status text,
  to_status text NOT NULL,
  reason text,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  region_path text COLLATE "C" NOT NULL,
  PRIMARY KEY (case_id, version)
);
CREATE INDEX case_events_type_at_idx ON case_events (type, at);
CREATE INDEX case_events_region_at_idx ON case_events (region_path, at);

-- Links between cases found at intake: the same person again (重访) or a burst in one township.
CREATE TABLE case_links (
  case_id bigint NOT NULL REFERENCES cases(id),
  related_id bigint NOT NULL REFERENCES cases(id),
  kind text NOT NULL CHECK (kind IN ('repeat', 'cluster', 'merged')),
  score real,
  region_path text COLLATE "C" NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (case_id, related_id, kind)
);

CREATE TABLE dispatch_rules (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  position int NOT NULL,
  name text NOT NULL,
  kind text CHECK (kind IN ('appeal', 'dispute', 'petition', 'hazard')),
  category_code text REFERENCES categories(code),
  complexity text CHECK (complexity IN ('general', 'major', 'special')),
  channel text CHECK (channel IN ('grid', 'hotline', 'walk_in', 'online', 'letter', 'transfer')),
  cross_region boolean,
  target_unit_type text NOT NULL REFERENCES unit_types(code),
  target_level smallint NOT NULL CHECK (target_level BETWEEN 1 AND 5),
  fallback text NOT NULL CHECK (fallback IN ('climb', 'service_centre', 'county_centre')),
  enabled boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL
);
CREATE INDEX dispatch_rules_position_idx ON dispatch_rules (position, id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['cases', 'case_parties', 'assignments', 'case_events', 'case_links'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;
END $$;
CREATE POLICY cases_scope ON cases USING (civicgrid_in_scope(region_path) OR civicgrid_unit_holds(id))
  WITH CHECK (civicgrid_in_scope(region_path) OR civicgrid_unit_holds(id));
CREATE POLICY case_parties_scope ON case_parties USING (civicgrid_in_scope(region_path) OR civicgrid_unit_holds(case_id))
  WITH CHECK (civicgrid_in_scope(region_path) OR civicgrid_unit_holds(case_id));
CREATE POLICY assignments_scope ON assignments USING (civicgrid_in_scope(region_path) OR civicgrid_unit_holds(case_id))
  WITH CHECK (civicgrid_in_scope(region_path) OR civicgrid_unit_holds(case_id));
CREATE POLICY case_events_scope ON case_events USING (civicgrid_in_scope(region_path) OR civicgrid_unit_holds(case_id))
  WITH CHECK (civicgrid_in_scope(region_path) OR civicgrid_unit_holds(case_id));
CREATE POLICY case_links_scope ON case_links USING (civicgrid_in_scope(region_path)) WITH CHECK (civicgrid_in_scope(region_path));

-- A case's timeline names the people and units that acted on it, wherever they sit: this exposes
-- those names (and nothing else of their rows) past the caller's region scope.
CREATE FUNCTION civicgrid_names(user_ids bigint[], unit_ids bigint[]) RETURNS TABLE (kind text, id bigint, name text, level smallint, type_code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT 'user', u.id, u.display_name, NULL::smallint, NULL::text FROM users u WHERE u.id = ANY(user_ids)
  UNION ALL
  SELECT 'unit', n.id, n.name, r.level, n.type_code FROM units n JOIN regions r ON r.code = n.region_code WHERE n.id = ANY(unit_ids)
$$;
GRANT EXECUTE ON FUNCTION civicgrid_names(bigint[], bigint[]) TO civicgrid_app;

GRANT SELECT, INSERT, UPDATE ON cases, case_parties, assignments, case_links, dispatch_rules TO civicgrid_app;
GRANT DELETE ON dispatch_rules, case_links TO civicgrid_app;
-- the event log is append-only for the application
GRANT SELECT, INSERT ON case_events TO civicgrid_app;
GRANT EXECUTE ON FUNCTION civicgrid_unit_holds(bigint) TO civicgrid_app;
GRANT USAGE ON SEQUENCE cases_id_seq TO civicgrid_app;
