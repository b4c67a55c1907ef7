-- Time limits and supervision: the working-day calendar, deadline policies, card rules, the timed
-- stages of assignments with their stored due instants, cards, extension requests, and the
-- notification outbox (in-app inbox, webhooks, SMS).

-- The working-day calendar's overrides (holidays on weekdays, make-up working days on weekends).
-- Seeded from chinese-days; an administrator's edit is marked 'admin' and a re-seed keeps it.
CREATE TABLE calendar_days (
  date date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('workday', 'holiday')),
  name text,
  source text NOT NULL CHECK (source IN ('chinese-days', 'admin')),
  updated_at timestamptz NOT NULL
);

-- Deadline policies per kind × complexity × stage; a NULL kind or complexity is the '*' fallback.
CREATE TABLE deadline_policies (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text CHECK (kind IN ('appeal', 'dispute', 'petition', 'hazard')),
  complexity text CHECK (complexity IN ('general', 'major', 'special')),
  stage text NOT NULL CHECK (stage IN ('sign_for', 'handle', 'co_reply', 'return_visit')),
  amount double precision NOT NULL CHECK (amount > 0),
  unit text NOT NULL CHECK (unit IN ('hour', 'calendar_day', 'working_day')),
  max_extension_amount double precision CHECK (max_extension_amount > 0),
  max_extension_unit text CHECK (max_extension_unit IN ('hour', 'calendar_day', 'working_day')),
  roll_to_working_day boolean NOT NULL DEFAULT true,
  source text,
  updated_at timestamptz NOT NULL,
  CHECK ((max_extension_amount IS NULL) = (max_extension_unit IS NULL))
);
CREATE UNIQUE INDEX deadline_policies_key_idx ON deadline_policies (coalesce(kind, '*'), coalesce(complexity, '*'), stage);

-- One row of card thresholds (a NULL criterion is switched off) and the petition backlog thresholds.
CREATE TABLE card_rules (
  id int PRIMARY KEY CHECK (id = 1),
  blue_passed_fraction double precision,
  blue_working_days_left double precision,
  yellow_overdue_ms bigint NOT NULL DEFAULT 0,
  red_overdue_fraction double precision,
  red_overdue_working_days double precision,
  backlog_green_days int NOT NULL DEFAULT 90,
  backlog_yellow_days int NOT NULL DEFAULT 180,
  backlog_red_days int NOT NULL DEFAULT 365,
  backlog_difficult_raise int NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL
);

-- A timed stage of an assignment. The clock is stored as computed when the stage started (a later
-- policy change moves nothing); the policy row used is kept beside it for the extension maximum.
-- next_card_at is the instant of the next colour not yet issued: the only column the sweeper scans.
CREATE TABLE assignment_stages (
  case_id bigint NOT NULL REFERENCES cases(id),
  seq int NOT NULL,
  stage text NOT NULL CHECK (stage IN ('sign_for', 'handle', 'co_reply', 'return_visit')),
  unit_id bigint NOT NULL REFERENCES units(id),
  unit_level smallint NOT NULL CHECK (unit_level BETWEEN 1 AND 7),
  unit_path text COLLATE "C" NOT NULL,
  region_path text COLLATE "C" NOT NULL,
  policy jsonb NOT NULL,
  start_at timestamptz NOT NULL,
  measure text NOT NULL CHECK (measure IN ('elapsed', 'working_time')),
  allowed_ms bigint NOT NULL,
  due_at timestamptz,
  suspended_at timestamptz,
  remaining_ms bigint,
  extended double precision NOT NULL DEFAULT 0,
  completed_at timestamptz,
  next_card_at timestamptz,
  issued text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (case_id, seq, stage),
  CHECK (((due_at IS NULL) = (suspended_at IS NOT NULL)) OR completed_at IS NOT NULL)
);
CREATE INDEX assignment_stages_next_card_idx ON assignment_stages (next_card_at) WHERE completed_at IS NULL;
CREATE INDEX assignment_stages_unit_idx ON assignment_stages (unit_id) WHERE completed_at IS NULL;
CREATE INDEX assignment_stages_region_idx ON assignment_stages (region_path);

-- A card is issued at most once per assignment, stage and colour: the unique key makes a second
-- sweeper's insert a no-op. Cleared cards leave the active board but stay for the figures.
CREATE TABLE cards (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES cases(id),
  seq int NOT NULL,
  stage text NOT NULL,
  colour text NOT NULL CHECK (colour IN ('blue', 'yellow', 'red')),
  issued_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  unit_id bigint NOT NULL REFERENCES units(id),
  supervisor_level smallint NOT NULL,
  supervisor_region_path text COLLATE "C" NOT NULL,
  region_path text COLLATE "C" NOT NULL,
  cleared_at timestamptz,
  UNIQUE (case_id, seq, stage, colour)
);
CREATE INDEX cards_board_idx ON cards (supervisor_region_path, colour) WHERE cleared_at IS NULL;
CREATE INDEX cards_region_idx ON cards (region_path, issued_at);

CREATE TABLE extension_requests (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES cases(id),
  seq int NOT NULL,
  stage text NOT NULL,
  unit_id bigint NOT NULL REFERENCES units(id),
  unit_level smallint NOT NULL,
  unit_path text COLLATE "C" NOT NULL,
  region_path text COLLATE "C" NOT NULL,
  requested_by bigint NOT NULL REFERENCES users(id),
  requested_at timestamptz NOT NULL,
  amount double precision NOT NULL CHECK (amount > 0),
  unit text NOT NULL CHECK (unit IN ('hour', 'calendar_day', 'working_day')),
  reason text NOT NULL,
  status text NOT NULL CHECK (status IN ('requested', 'approved', 'refused')),
  decided_by bigint REFERENCES users(id),
  decided_at timestamptz,
  decision_note text,
  due_before timestamptz,
  due_after timestamptz
);
-- one pending request per stage at a time
CREATE UNIQUE INDEX extension_requests_pending_idx ON extension_requests (case_id, seq, stage) WHERE status = 'requested';
CREATE INDEX extension_requests_region_idx ON extension_requests (region_path, status);

-- The outbox: written in the transaction of the change that causes it, delivered afterwards.
-- channel 'fanout' rows are split by the delivery loop into inbox rows and one row per webhook
-- and SMS; the idempotency key is unique so a producer that runs twice writes one message.
CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  topic text NOT NULL,
  channel text NOT NULL DEFAULT 'fanout' CHECK (channel IN ('fanout', 'webhook', 'sms')),
  webhook_id bigint,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  available_at timestamptz NOT NULL,
  attempts int NOT NULL DEFAULT 0,
  delivered_at timestamptz,
  dead_at timestamptz,
  last_error text,
  idempotency_key text NOT NULL UNIQUE
);
CREATE INDEX outbox_pending_idx ON outbox (available_at) WHERE delivered_at IS NULL AND dead_at IS NULL;
CREATE INDEX outbox_dead_idx ON outbox (dead_at) WHERE dead_at IS NOT NULL;

CREATE TABLE inbox_messages (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(id),
  outbox_id bigint NOT NULL REFERENCES outbox(id),
  topic text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  UNIQUE (outbox_id, user_id)
);
CREATE INDEX inbox_messages_user_idx ON inbox_messages (user_id, id DESC);

CREATE TABLE webhooks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  url text NOT NULL,
  secret text NOT NULL,
  topics text[] NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['assignment_stages', 'cards', 'extension_requests'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (civicgrid_in_scope(region_path) OR civicgrid_unit_holds(case_id))
      WITH CHECK (civicgrid_in_scope(region_path) OR civicgrid_unit_holds(case_id))', t || '_scope', t);
  END LOOP;
END $$;

-- Whom a card or an extension request notifies: the leaders of the units at some region paths.
-- SECURITY DEFINER: a handler asking for an extension cannot see the parent level's accounts under
-- RLS, yet must reach them; this exposes only their ids, nothing else of their rows.
CREATE FUNCTION civicgrid_leaders_at(paths text[]) RETURNS TABLE (user_id bigint, region_path text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT u.id, n.region_path FROM users u JOIN units n ON n.id = u.unit_id
  WHERE n.region_path = ANY(paths) AND 'leader' = ANY(u.roles) AND NOT u.disabled AND NOT n.disabled
$$;
GRANT EXECUTE ON FUNCTION civicgrid_leaders_at(text[]) TO civicgrid_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_days, deadline_policies, card_rules, webhooks TO civicgrid_app;
GRANT SELECT, INSERT, UPDATE ON assignment_stages, cards, extension_requests, outbox, inbox_messages TO civicgrid_app;
