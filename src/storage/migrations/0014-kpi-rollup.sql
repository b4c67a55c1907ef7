-- Issue 12, point 8: the KPI rollup. What every case contributes to every figure and signal, as rows
-- keyed by CST days (src/core/kpi/rollup.ts says why a sum of them is exact), summed per case region,
-- last lead unit, category, kind, channel and complexity. Kept in the transactions that change a case's
-- events, stage clocks, cards or extension requests; `civicgrid kpi rebuild` recomputes it from them.

-- lo and hi are CST day numbers (days since 1970-01-01); a flow row counts in [a, b) when
-- a <= lo < b <= hi, a stock row when lo < b <= hi.
CREATE TABLE kpi_rollup (
  region_path text COLLATE "C" NOT NULL,
  unit_id bigint NOT NULL,
  category_code text COLLATE "C" NOT NULL,
  kind text NOT NULL,
  channel text NOT NULL,
  complexity text NOT NULL,
  kpi text COLLATE "C" NOT NULL,
  lo integer NOT NULL,
  hi integer NOT NULL,
  stock boolean NOT NULL,
  numerator bigint NOT NULL,
  denominator bigint NOT NULL,
  PRIMARY KEY (kpi, lo, region_path, unit_id, category_code, kind, channel, complexity, hi, stock)
);
-- A county's rows by path and day; a province's (every path) by day: flows by lo, stocks by hi.
CREATE INDEX kpi_rollup_region_idx ON kpi_rollup (region_path, lo);
CREATE INDEX kpi_rollup_flow_idx ON kpi_rollup (lo) WHERE NOT stock;
CREATE INDEX kpi_rollup_stock_idx ON kpi_rollup (hi) WHERE stock;

-- What each case contributes now (its key and cells), so a change adds only the difference.
CREATE TABLE kpi_case_rollup (
  case_id bigint PRIMARY KEY REFERENCES cases (id),
  region_path text COLLATE "C" NOT NULL,
  key jsonb NOT NULL,
  cells jsonb NOT NULL
);
CREATE INDEX kpi_case_rollup_region_idx ON kpi_case_rollup (region_path);

-- Row-level security exactly as on cases: a row belongs to the region of the cases it sums.
ALTER TABLE kpi_rollup ENABLE ROW LEVEL SECURITY;
ALTER TABLE kpi_rollup FORCE ROW LEVEL SECURITY;
CREATE POLICY kpi_rollup_scope ON kpi_rollup USING (civicgrid_in_scope(region_path))
  WITH CHECK (civicgrid_in_scope(region_path));
ALTER TABLE kpi_case_rollup ENABLE ROW LEVEL SECURITY;
ALTER TABLE kpi_case_rollup FORCE ROW LEVEL SECURITY;
CREATE POLICY kpi_case_rollup_scope ON kpi_case_rollup USING (civicgrid_in_scope(region_path))
  WITH CHECK (civicgrid_in_scope(region_path));

-- The difference between the cases' stored cells and their new ones, per rollup row.
CREATE FUNCTION civicgrid_kpi_delta(p_ids bigint[], p_keys jsonb[], p_cells jsonb[])
RETURNS TABLE (region_path text, unit_id bigint, category_code text, kind text, channel text, complexity text,
  kpi text, lo integer, hi integer, stock boolean, numerator bigint, denominator bigint)
LANGUAGE sql STABLE SET search_path = public AS $$
  WITH parts AS (
    SELECT o.key AS k, -1 AS sign, c.* FROM kpi_case_rollup o,
      jsonb_to_recordset(o.cells) AS c (kpi text, lo integer, hi integer, stock boolean, n bigint, d bigint)
    WHERE o.case_id = ANY (p_ids)
    UNION ALL
    SELECT x.k, 1, c.* FROM unnest(p_keys, p_cells) AS x (k, cells),
      jsonb_to_recordset(x.cells) AS c (kpi text, lo integer, hi integer, stock boolean, n bigint, d bigint)
  )
  SELECT k ->> 'regionPath', (k ->> 'unitId')::bigint, k ->> 'categoryCode', k ->> 'kind', k ->> 'channel',
    k ->> 'complexity', kpi, lo, hi, stock, sum(sign * n)::bigint, sum(sign * d)::bigint
  FROM parts
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  HAVING sum(sign * n) <> 0 OR sum(sign * d) <> 0
$$;

-- Replaces the cases' contribution: adds the difference to the rollup in one statement (rows in key
-- order, so concurrent transactions lock shared rows in one order), drops rows that sum to nothing, and
-- stores the new cells. The caller holds the cases' advisory locks (kpi-rollup.repo.ts).
-- SECURITY DEFINER with the system's scope: a unit may act on a case it holds outside its own scope,
-- and an upsert must pass the read policy; the rows written are the cases' own, computed by the core.
CREATE FUNCTION civicgrid_kpi_rollup_cases(p_ids bigint[], p_paths text[], p_keys jsonb[], p_cells jsonb[])
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET civicgrid.scope = '*' AS $$
BEGIN
  INSERT INTO kpi_rollup AS r (region_path, unit_id, category_code, kind, channel, complexity, kpi, lo, hi, stock,
    numerator, denominator)
  SELECT * FROM civicgrid_kpi_delta(p_ids, p_keys, p_cells) d
  ORDER BY d.kpi, d.lo, d.region_path, d.unit_id, d.category_code, d.kind, d.channel, d.complexity, d.hi, d.stock
  ON CONFLICT (kpi, lo, region_path, unit_id, category_code, kind, channel, complexity, hi, stock)
  DO UPDATE SET numerator = r.numerator + excluded.numerator, denominator = r.denominator + excluded.denominator;
  DELETE FROM kpi_rollup r USING civicgrid_kpi_delta(p_ids, p_keys, p_cells) d
  WHERE r.numerator = 0 AND r.denominator = 0 AND r.kpi = d.kpi AND r.lo = d.lo AND r.region_path = d.region_path
    AND r.unit_id = d.unit_id AND r.category_code = d.category_code AND r.kind = d.kind AND r.channel = d.channel
    AND r.complexity = d.complexity AND r.hi = d.hi AND r.stock = d.stock;
  INSERT INTO kpi_case_rollup (case_id, region_path, key, cells)
  SELECT * FROM unnest(p_ids, p_paths, p_keys, p_cells)
  ON CONFLICT (case_id) DO UPDATE SET region_path = excluded.region_path, key = excluded.key, cells = excluded.cells;
END
$$;
REVOKE ALL ON FUNCTION civicgrid_kpi_rollup_cases(bigint[], text[], jsonb[], jsonb[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION civicgrid_kpi_rollup_cases(bigint[], text[], jsonb[], jsonb[]) TO civicgrid_app;
REVOKE ALL ON FUNCTION civicgrid_kpi_delta(bigint[], jsonb[], jsonb[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION civicgrid_kpi_delta(bigint[], jsonb[], jsonb[]) TO civicgrid_app;

-- Reads are scoped by the policies; writes go through the function above, and the rebuild deletes.
GRANT SELECT, DELETE ON kpi_rollup, kpi_case_rollup TO civicgrid_app;
