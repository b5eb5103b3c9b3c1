// The ECharts parts the index studio's charts use, registered once and à la carte so the studio's
// lazy chunk carries only these (the shared echarts chunk already holds the core).
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { BarChart, CustomChart, HeatmapChart, ScatterChart, SunburstChart } from 'echarts/charts'
import {
  DataZoomComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent,
} from 'echarts/components'

use([
  CanvasRenderer, BarChart, CustomChart, HeatmapChart, ScatterChart, SunburstChart,
  DataZoomComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent,
])
