-- Issue 12 (points 4 and 5): peer classes for fair rankings, and the safety index (平安指数) as a yearly
-- assessment scheme (考核方案) with versioned definitions, imported aggregate figures, stored runs with
-- every component, and early warnings. Every table carries the region path of the jurisdiction it
-- belongs to, with row-level security as for units and cases.

-- A peer class (一类/二类/三类地区): regions of one level, grouped by the administrator of the owning
-- region, so that rankings compare like with like. A region is in at most one class of an owner and level.
CREATE TABLE peer_classes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_code text COLLATE "C" NOT NULL REFERENCES regions(code),
  region_path text COLLATE "C" NOT NULL,
  level smallint NOT NULL CHECK (level BETWEEN 2 AND 7),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  name_en text CHECK (length(name_en) <= 60),
  updated_at timestamptz NOT NULL,
  UNIQUE (owner_code, level, name)
);
CREATE INDEX peer_classes_path_idx ON peer_classes (region_path);

CREATE TABLE peer_class_members (
  class_id bigint NOT NULL REFERENCES peer_classes(id) ON DELETE CASCADE,
  owner_code text COLLATE "C" NOT NULL,
  level smallint NOT NULL,
  region_code text COLLATE "C" NOT NULL REFERENCES regions(code),
  region_path text COLLATE "C" NOT NULL,
  PRIMARY KEY (class_id, region_code),
  UNIQUE (owner_code, level, region_code)
);

-- A scheme of one owner and year; what it measures lives in its versions. A version that scores were
-- stored from is never changed again: an edit after that writes the next version.
CREATE TABLE assessment_schemes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_code text COLLATE "C" NOT NULL REFERENCES regions(code),
  region_path text COLLATE "C" NOT NULL,
  year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  created_at timestamptz NOT NULL,
  UNIQUE (owner_code, year, name)
);
CREATE INDEX assessment_schemes_path_idx ON assessment_schemes (region_path, year);

CREATE TABLE assessment_scheme_versions (
  scheme_id bigint NOT NULL REFERENCES assessment_schemes(id),
  version int NOT NULL CHECK (version >= 1),
  region_path text COLLATE "C" NOT NULL,
  -- components (source, weight, direction, rule) and the warning rule, as src/core/assessment validates them
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (scheme_id, version)
);

-- Aggregate figures from other systems, one number per indicator, region and period (e.g. crimes per
-- 10,000 residents). Numbers only: nothing here is about a person.
CREATE TABLE indicator_values (
  indicator text COLLATE "C" NOT NULL CHECK (indicator ~ '^[a-z][a-z0-9_]{1,39}$'),
  region_code text COLLATE "C" NOT NULL REFERENCES regions(code),
  region_path text COLLATE "C" NOT NULL,
  period_kind text NOT NULL CHECK (period_kind IN ('day', 'week', 'month', 'quarter', 'half', 'year')),
  period_from timestamptz NOT NULL,
  value double precision NOT NULL CHECK (value > '-Infinity' AND value < 'Infinity'),
  source text NOT NULL CHECK (length(source) <= 80),
  imported_at timestamptz NOT NULL,
  PRIMARY KEY (indicator, region_code, period_kind, period_from)
);
CREATE INDEX indicator_values_path_idx ON indicator_values (region_path);

-- A stored run: the scores of one period under one version, kept as computed so they stay reproducible.
CREATE TABLE assessment_runs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  scheme_id bigint NOT NULL,
  version int NOT NULL,
  region_path text COLLATE "C" NOT NULL,
  period_kind text NOT NULL CHECK (period_kind IN ('day', 'week', 'month', 'quarter', 'half', 'year')),
  period_from timestamptz NOT NULL,
  period_to timestamptz NOT NULL,
  computed_at timestamptz NOT NULL,
  computed_by text NOT NULL,
  FOREIGN KEY (scheme_id, version) REFERENCES assessment_scheme_versions(scheme_id, version),
  UNIQUE (scheme_id, period_kind, period_from)
);

CREATE TABLE assessment_scores (
  run_id bigint NOT NULL REFERENCES assessment_runs(id),
  region_code text COLLATE "C" NOT NULL REFERENCES regions(code),
  region_path text COLLATE "C" NOT NULL,
  index_value double precision,
  -- the percent of the weight whose indicators had a value
  coverage double precision NOT NULL,
  rank int,
  -- every component: raw value (with numerator and denominator for a KPI), score and weight
  components jsonb NOT NULL,
  PRIMARY KEY (run_id, region_code)
);

CREATE TABLE assessment_warnings (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id bigint NOT NULL REFERENCES assessment_runs(id),
  scheme_id bigint NOT NULL REFERENCES assessment_schemes(id),
  region_code text COLLATE "C" NOT NULL REFERENCES regions(code),
  region_path text COLLATE "C" NOT NULL,
  reason text NOT NULL CHECK (reason IN ('below_threshold', 'dropped')),
  index_value double precision NOT NULL,
  previous_value double precision,
  limit_value double precision NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (run_id, region_code, reason)
);
CREATE INDEX assessment_warnings_path_idx ON assessment_warnings (region_path, created_at);

-- The owner's subtree sees a class, a scheme, its versions and runs; a figure, a score and a warning
-- belong to the region they are about.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['peer_classes', 'peer_class_members', 'assessment_schemes', 'assessment_scheme_versions',
    'indicator_values', 'assessment_runs', 'assessment_scores', 'assessment_warnings'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (civicgrid_in_scope(region_path)) WITH CHECK (civicgrid_in_scope(region_path))',
      t || '_scope', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON peer_classes, peer_class_members, assessment_schemes,
  assessment_scheme_versions, indicator_values TO civicgrid_app;
-- Stored runs, scores and warnings are records: written once, never changed or removed.
GRANT SELECT, INSERT ON assessment_runs, assessment_scores, assessment_warnings TO civicgrid_app;
