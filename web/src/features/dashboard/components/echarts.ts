// ECharts, imported piece by piece (echarts/core plus the charts this app draws) so the dashboard's
// lazily loaded chunk carries only what it uses; the canvas renderer draws them.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsModule from 'echarts-for-react/esm/core.js';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

// The package's ES module is plain .js without "type": "module", so TypeScript (NodeNext) reads its
// declarations as CommonJS and sees `{ default: Component }`; Vite hands the component itself.
type Component = typeof ReactEChartsModule.default;
const ReactEChartsCore: Component =
  (ReactEChartsModule as { default?: Component }).default ?? (ReactEChartsModule as unknown as Component);

export { echarts, ReactEChartsCore };
