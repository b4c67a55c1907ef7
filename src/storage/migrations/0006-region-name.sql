-- A region's name for display, even outside the caller's scope: a user may hold a case (their unit
-- holds its assignment) whose region lies outside their own jurisdiction — a grid worker's is one
-- grid, their committee's cases span the village. Row-level security rightly hides that region's
-- row, but a case list or page must still say where the case is. Names are not confidential;
-- everything else about the region stays behind RLS.
CREATE FUNCTION civicgrid_region_name(region_code text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT name FROM regions WHERE code = region_code
$$;
GRANT EXECUTE ON FUNCTION civicgrid_region_name(text) TO civicgrid_app;
