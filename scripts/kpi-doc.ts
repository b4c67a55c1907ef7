// Writes docs/kpi.md from the KPI catalogue in src/core/kpi (npm run kpi:doc).
import { writeFileSync } from 'node:fs';
import { renderKpiDoc } from '../src/core/kpi/doc.js';

writeFileSync(new URL('../docs/kpi.md', import.meta.url), renderKpiDoc());
