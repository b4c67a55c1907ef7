-- Public portal and interoperability (issue 6): residents' urges (催办), partner API keys, and the
-- requests that arrived through Open311 GeoReport v2 with their tokens.

-- One urge per case per China Standard Time day; the unit holding the case sees the count.
CREATE TABLE case_urges (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES cases(id),
  urged_on date NOT NULL,
  at timestamptz NOT NULL,
  note text,
  unit_id bigint REFERENCES units(id),
  region_path text COLLATE "C" NOT NULL,
  UNIQUE (case_id, urged_on)
);

-- Keys are stored as the SHA-256 of a random 32-byte token that is shown once; the prefix helps
-- an administrator recognise a key without holding it.
CREATE TABLE partner_keys (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  key_prefix text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('hotline', 'transfer', 'online')),
  transfer_source text CHECK (transfer_source IN ('court', 'police', 'procuratorate', 'petition_bureau')),
  region_code text NOT NULL REFERENCES regions(code),
  region_path text COLLATE "C" NOT NULL,
  created_by bigint,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz,
  last_used_at timestamptz,
  CHECK ((channel = 'transfer') = (transfer_source IS NOT NULL))
);

CREATE TABLE open311_requests (
  case_id bigint PRIMARY KEY REFERENCES cases(id),
  token text NOT NULL UNIQUE,
  partner_key_id bigint REFERENCES partner_keys(id),
  region_path text COLLATE "C" NOT NULL,
  created_at timestamptz NOT NULL
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['case_urges', 'partner_keys', 'open311_requests'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;
END $$;
CREATE POLICY case_urges_scope ON case_urges USING (civicgrid_in_scope(region_path) OR civicgrid_unit_holds(case_id))
  WITH CHECK (civicgrid_in_scope(region_path) OR civicgrid_unit_holds(case_id));
CREATE POLICY open311_requests_scope ON open311_requests USING (civicgrid_in_scope(region_path) OR civicgrid_unit_holds(case_id))
  WITH CHECK (civicgrid_in_scope(region_path) OR civicgrid_unit_holds(case_id));
CREATE POLICY partner_keys_scope ON partner_keys USING (civicgrid_in_scope(region_path)) WITH CHECK (civicgrid_in_scope(region_path));

GRANT SELECT, INSERT ON case_urges, open311_requests TO civicgrid_app;
GRANT SELECT, INSERT, UPDATE ON partner_keys TO civicgrid_app;
