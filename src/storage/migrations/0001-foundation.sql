-- Foundation: the application role, regions, organisation, accounts, categories, audit chain.

-- The role the application works as: neither superuser nor BYPASSRLS, so row-level security applies.
-- Roles are cluster-wide; two databases migrating at once may race to create it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'civicgrid_app') THEN
    CREATE ROLE civicgrid_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

-- True when the transaction's scope (set by the application per transaction) covers a region path.
-- '*' is the system itself (imports, sweeps, login); an unset or empty scope covers nothing.
CREATE FUNCTION civicgrid_in_scope(p text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT CASE coalesce(current_setting('civicgrid.scope', true), '')
    WHEN '' THEN false
    WHEN '*' THEN true
    ELSE starts_with(p, current_setting('civicgrid.scope', true))
  END
$$;

CREATE TABLE regions (
  code text PRIMARY KEY,
  parent_code text REFERENCES regions(code),
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 7),
  name text NOT NULL,
  -- materialised path of codes, 'code/code/…/': a subtree is one prefix scan on this index
  path text COLLATE "C" NOT NULL UNIQUE,
  geometry jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX regions_parent_idx ON regions (parent_code, code);
CREATE INDEX regions_level_name_idx ON regions (level, name);

CREATE TABLE unit_types (
  code text PRIMARY KEY,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  is_service_centre boolean NOT NULL DEFAULT false,
  sort int NOT NULL DEFAULT 0
);

CREATE TABLE units (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  type_code text NOT NULL REFERENCES unit_types(code),
  region_code text NOT NULL REFERENCES regions(code),
  region_path text COLLATE "C" NOT NULL,
  name text NOT NULL,
  phone text,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  UNIQUE (region_code, type_code, name)
);
CREATE INDEX units_region_path_idx ON units (region_path);

CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  display_name text NOT NULL,
  unit_id bigint NOT NULL REFERENCES units(id),
  -- a grid worker's jurisdiction is their grid; everyone else's is their unit's region
  grid_code text REFERENCES regions(code),
  scope_path text COLLATE "C" NOT NULL CHECK (scope_path <> ''),
  roles text[] NOT NULL CHECK (cardinality(roles) > 0),
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  failed_logins int NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX users_scope_path_idx ON users (scope_path);
CREATE INDEX users_unit_idx ON users (unit_id);

CREATE TABLE sessions (
  -- sha-256 of the cookie token: a leaked table does not yield live sessions
  token_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE categories (
  code text PRIMARY KEY,
  parent_code text REFERENCES categories(code),
  path text COLLATE "C" NOT NULL UNIQUE,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  sort int NOT NULL DEFAULT 0,
  disabled boolean NOT NULL DEFAULT false
);

-- Audit: append-only and hash-chained. The chain is computed in the database by a trigger that
-- runs as the owner, so the application role can neither forge a hash nor move the chain's head.
CREATE TABLE audit_log (
  id bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id bigint,
  actor_name text NOT NULL,
  action text NOT NULL,
  target text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
  request_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id);

CREATE TABLE audit_head (
  id int PRIMARY KEY CHECK (id = 1),
  last_id bigint NOT NULL,
  last_hash text NOT NULL
);
INSERT INTO audit_head VALUES (1, 0, repeat('0', 64));

-- The exact text each record's hash covers; `civicgrid audit verify` recomputes the hash from it.
CREATE FUNCTION audit_content(r audit_log) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_array(r.id, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    r.actor_id, r.actor_name, r.action, r.target, r.outcome, r.request_id, r.details)::text
$$;

-- Ids come from the head inside its row lock, so id order is chain order even under concurrency.
CREATE FUNCTION audit_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE head audit_head%ROWTYPE;
BEGIN
  SELECT * INTO head FROM audit_head WHERE id = 1 FOR UPDATE;
  NEW.id := head.last_id + 1;
  NEW.prev_hash := head.last_hash;
  NEW.hash := '';
  NEW.hash := encode(sha256(convert_to(head.last_hash || audit_content(NEW), 'UTF8')), 'hex');
  UPDATE audit_head SET last_id = NEW.id, last_hash = NEW.hash WHERE id = 1;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_chain();

-- Row-level security: FORCEd, so it holds even for the tables' owner when it works as the app.
ALTER TABLE regions ENABLE ROW LEVEL SECURITY;
ALTER TABLE regions FORCE ROW LEVEL SECURITY;
CREATE POLICY regions_scope ON regions USING (civicgrid_in_scope(path)) WITH CHECK (civicgrid_in_scope(path));
ALTER TABLE units ENABLE ROW LEVEL SECURITY;
ALTER TABLE units FORCE ROW LEVEL SECURITY;
CREATE POLICY units_scope ON units USING (civicgrid_in_scope(region_path)) WITH CHECK (civicgrid_in_scope(region_path));
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY users_scope ON users USING (civicgrid_in_scope(scope_path)) WITH CHECK (civicgrid_in_scope(scope_path));

GRANT USAGE ON SCHEMA public TO civicgrid_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON regions, unit_types, units, users, sessions, categories TO civicgrid_app;
-- the app may append to the audit log and read it, never change or remove a record
GRANT SELECT, INSERT ON audit_log TO civicgrid_app;
GRANT SELECT ON audit_head TO civicgrid_app;
GRANT EXECUTE ON FUNCTION civicgrid_in_scope(text), audit_content(audit_log) TO civicgrid_app;
