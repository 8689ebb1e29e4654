import { renderAsync } from "@resvg/resvg-js";
import * as echarts from "echarts";

/** One block of the chart: its title and a bar per row, drawn across, or upright for a time series. */
export interface ChartSection {
  title: string;
  rows: Array<{ label: string; count: number }>;
  upright?: boolean;
}

// Narrow and tall, with large type: it is read on a phone.
const WIDTH = 800;
const MARGIN = 28;
const HEADING = 96;
const SECTION_TITLE = 58;
const ROW = 50;
const BAR = 16;
const UPRIGHT = 300;
const FONT = "DejaVu Sans";
const COLORS = ["#3b6fd8", "#d8873b", "#2f9e6e", "#8a56c9"];

const heightOf = (section: ChartSection) => SECTION_TITLE + (section.upright ? UPRIGHT : section.rows.length * ROW);

function across(section: ChartSection, index: number, top: number, format: (count: number) => string) {
  return {
    grid: { left: MARGIN, right: MARGIN, top: top + SECTION_TITLE, height: section.rows.length * ROW },
    x: { type: "value" as const, gridIndex: index, show: false, max: (range: { max: number }) => Math.max(range.max, 1) },
    y: { type: "category" as const, gridIndex: index, show: false, inverse: true, data: section.rows.map((row) => row.label) },
    // Each row's words sit above its bar, so a long name never runs into the bars. One plain string:
    // without a canvas ECharts can only guess the width of Cyrillic text, so nothing is placed after it.
    label: {
      show: true, position: [0, -BAR - 10] as [number, number], fontSize: 20, color: "#222",
      formatter: ({ name, value }: { name: string; value: number }) => `${name}: ${format(value)}`,
    },
  };
}

function upright(section: ChartSection, index: number, top: number, format: (count: number) => string) {
  return {
    grid: { left: MARGIN, right: MARGIN, top: top + SECTION_TITLE + 24, height: UPRIGHT - 84 },
    x: {
      type: "category" as const, gridIndex: index, data: section.rows.map((row) => row.label), axisTick: { show: false },
      axisLabel: { fontSize: 16, color: "#222", interval: 0, width: (WIDTH - 2 * MARGIN) / section.rows.length - 4, overflow: "break" as const },
    },
    y: { type: "value" as const, gridIndex: index, show: false },
    label: { show: true, position: "top" as const, fontSize: 16, color: "#222", formatter: ({ value }: { value: number }) => format(value) },
  };
}

/**
 * The statistics as a PNG: ECharts draws an SVG on the server, resvg turns it into pixels. The text is set
 * in DejaVu Sans (Debian's fonts-dejavu-core), which has the Kyrgyz letters ң, ө and ү. Counts are written
 * the way `locale` writes numbers.
 */
export async function statsChart(heading: { title: string; subtitle: string }, sections: ChartSection[], locale: string): Promise<Buffer> {
  const format = (count: number) => new Intl.NumberFormat(locale).format(count);
  let top = HEADING;
  const parts = sections.map((section, index) => {
    const part = { top, ...(section.upright ? upright : across)(section, index, top, format) };
    top += heightOf(section) + MARGIN;
    return part;
  });
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height: top });
  chart.setOption({
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: FONT },
    title: [
      {
        text: heading.title, subtext: heading.subtitle, left: MARGIN, top: 18, itemGap: 10,
        textStyle: { fontSize: 28, fontFamily: FONT, color: "#111" }, subtextStyle: { fontSize: 19, fontFamily: FONT, color: "#444" },
      },
      ...sections.map((section, index) => ({ text: section.title, left: MARGIN, top: parts[index]!.top + 6, textStyle: { fontSize: 23, fontFamily: FONT, color: "#111" } })),
    ],
    grid: parts.map((part) => part.grid),
    xAxis: parts.map((part) => part.x),
    yAxis: parts.map((part) => part.y),
    series: sections.map((section, index) => ({
      type: "bar" as const,
      xAxisIndex: index,
      yAxisIndex: index,
      data: section.rows.map((row) => row.count),
      barWidth: section.upright ? "60%" : BAR,
      showBackground: !section.upright,
      backgroundStyle: { color: "#eef0f4" },
      itemStyle: { color: COLORS[index % COLORS.length] },
      label: parts[index]!.label,
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  // Drawn off the main thread (most of the time goes here), so other people's updates do not wait for it.
  return (await renderAsync(svg, { font: { loadSystemFonts: true, defaultFontFamily: FONT } })).asPng();
}
