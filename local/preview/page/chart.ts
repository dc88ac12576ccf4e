/**
 * An embedded chart drawn as Sheets would: a white box holding an inline SVG column chart (title, legend,
 * gridlines with ticks on the left axis and, for series on targetAxisIndex 1, a right-hand axis; category
 * labels slanted when they do not fit). Built with createElementNS and textContent only: sheet text never
 * becomes markup. Text is measured on a canvas (the box is built before it is in the document).
 */

import type { ChartSeriesView, ChartView } from '../protocol';
import { type El, doc, el } from './dom';

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'Roboto, Arial, sans-serif';
const PAD = 12;
const LABEL_SIZE = 12;
const TEXT_COLOR = '#444444';
const GRID_COLOR = '#e0e0e0';
const BASELINE_COLOR = '#9e9e9e';
/** Google Charts' default bar.groupWidth. */
const GROUP_WIDTH = 0.618;
const SLANT = 30;

type Attrs = Record<string, string | number | null | undefined>;

function svg(tag: string, attrs: Attrs = {}, ...children: Array<El | null>): El {
  const node = doc.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** An SVG <text>; the string is set as textContent. */
function label(content: string, attrs: Attrs): El {
  const node = svg('text', { 'font-family': FONT, 'font-size': LABEL_SIZE, fill: TEXT_COLOR, ...attrs });
  node.textContent = content;
  return node;
}

let measure: ((content: string, size: number) => number) | null | undefined;

/** Width of a string in pixels, measured on a canvas in the chart's font (estimated where there is none). */
function textWidth(content: string, size = LABEL_SIZE): number {
  if (measure === undefined) {
    const context = doc.createElement('canvas').getContext('2d');
    measure = context
      ? (text, px) => {
          context.font = `${px}px ${FONT}`;
          return context.measureText(text).width;
        }
      : null;
  }
  return measure ? measure(content, size) : content.length * size * 0.55;
}

/** The string cut (with "…") to at most `width` pixels. */
function fit(content: string, width: number, size = LABEL_SIZE): string {
  if (textWidth(content, size) <= width) return content;
  // No glyph is narrower than about 0.25em: start there rather than at the end of a very long text.
  let chars = Math.min(content.length - 1, Math.ceil(width / (size * 0.25)));
  while (chars > 1 && textWidth(`${content.slice(0, chars)}…`, size) > width) chars--;
  return `${content.slice(0, chars)}…`;
}

// ---- scales -------------------------------------------------------------------------------------------

interface Scale {
  lo: number;
  step: number;
  count: number;
}

function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const f = rough / power;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * power;
}

function extent(series: ChartSeriesView[]): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const s of series) {
    for (const v of s.values) {
      if (v === null) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (max === min) max = min + 1;
  return { min, max };
}

/** About five gridline intervals from zero (or the lowest value) to past the highest value. */
function primaryScale(series: ChartSeriesView[]): Scale {
  const { min, max } = extent(series);
  const step = niceStep((max - min) / 5);
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  return { lo, step, count: Math.max(1, Math.round((hi - lo) / step)) };
}

/** A right-hand scale whose ticks fall on the left axis's gridlines (same number of intervals). */
function alignedScale(series: ChartSeriesView[], count: number): Scale {
  const { min, max } = extent(series);
  let step = niceStep((max - min) / count);
  for (let i = 0; i < 20; i++) {
    const lo = Math.floor(min / step) * step;
    if (lo + step * count >= max) return { lo, step, count };
    step = niceStep(step * 1.001);
  }
  return { lo: Math.floor(min / step) * step, step, count };
}

function tickText(value: number, step: number): string {
  // As many decimals as the step needs (2.5 → 1, 0.25 → 2), none for whole steps.
  let decimals = 0;
  while (decimals < 6 && Math.abs(step * 10 ** decimals - Math.round(step * 10 ** decimals)) > 1e-9) decimals++;
  const rounded = Math.abs(value) < step / 1e6 ? 0 : value;
  return rounded.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

function ticks(scale: Scale): string[] {
  return Array.from({ length: scale.count + 1 }, (_, k) => tickText(scale.lo + k * scale.step, scale.step));
}

// ---- the chart ----------------------------------------------------------------------------------------

function message(chart: ChartView, text: string, top: number): El {
  return label(text, {
    x: chart.width / 2,
    y: top + (chart.height - top) / 2,
    'text-anchor': 'middle',
    class: 'chart-message',
    fill: '#757575',
  });
}

function legendItems(series: ChartSeriesView[], x: number, y: number, vertical: boolean, maxWidth: number): El {
  const group = svg('g', { class: 'chart-legend' });
  let cx = x;
  let cy = y;
  for (const s of series) {
    const name = fit(s.name, vertical ? maxWidth - 18 : 160);
    const item = svg(
      'g',
      { class: 'chart-legend-item' },
      svg('circle', { cx: cx + 5, cy: cy - 4, r: 5, fill: s.color }),
      label(name, { x: cx + 14, y: cy, class: 'chart-legend-label' }),
    );
    if (name !== s.name) item.append(tooltip(s.name));
    group.append(item);
    if (vertical) cy += 20;
    else cx += 14 + textWidth(name) + 18;
  }
  return group;
}

function tooltip(text: string): El {
  const node = svg('title');
  node.textContent = text;
  return node;
}

function legendWidth(series: ChartSeriesView[]): number {
  return series.reduce((sum, s) => sum + 14 + textWidth(fit(s.name, 160)) + 18, -18);
}

function drawColumns(root: El, chart: ChartView, top: number): void {
  const { width: W, height: H, categories } = chart;
  const onRight = chart.series.some((s) => s.axis === 1) && chart.series.some((s) => s.axis === 0);
  const axisOf = (s: ChartSeriesView): 0 | 1 => (onRight ? s.axis : 0);
  const left = primaryScale(chart.series.filter((s) => axisOf(s) === 0));
  const right = onRight
    ? alignedScale(
        chart.series.filter((s) => s.axis === 1),
        left.count,
      )
    : null;
  const leftTicks = ticks(left);
  const rightTicks = right ? ticks(right) : [];

  // Legend on the right/left takes a column; on top/bottom a line.
  const sideLegend = chart.legend === 'right' || chart.legend === 'left';
  const sideLegendWidth = sideLegend
    ? Math.min(W * 0.3, Math.max(...chart.series.map((s) => 14 + textWidth(s.name))) + 16)
    : 0;
  let plotTop = top + (chart.legend === 'top' ? 26 : 0) + 8;
  let plotLeft =
    PAD +
    Math.max(...leftTicks.map((t) => textWidth(t))) +
    8 +
    (chart.vAxisTitles[0] ? 20 : 0) +
    (chart.legend === 'left' ? sideLegendWidth : 0);
  const plotRight =
    W -
    PAD -
    (right ? Math.max(...rightTicks.map((t) => textWidth(t))) + 8 + (chart.vAxisTitles[1] ? 20 : 0) : 8) -
    (chart.legend === 'right' ? sideLegendWidth : 0);
  let bottom = H - PAD - (chart.legend === 'bottom' ? 26 : 0) - (chart.hAxisTitle ? 20 : 0);

  // Category labels: level when they fit their slot, else slanted (and thinned out when crowded).
  const n = Math.max(1, categories.length);
  let slot = (plotRight - plotLeft) / n;
  const widest = Math.max(0, ...categories.map((c) => textWidth(c)));
  const slanted = widest > slot - 6;
  const cos = Math.cos((SLANT * Math.PI) / 180);
  const sin = Math.sin((SLANT * Math.PI) / 180);
  const maxLabel = slanted ? Math.min(widest, (H * 0.3) / sin) : slot - 6;
  if (slanted) {
    // The first label reaches left of its slot: keep it inside the box.
    const firstReach = Math.min(maxLabel, textWidth(categories[0] ?? '')) * cos - slot / 2;
    if (plotLeft - firstReach < PAD) {
      plotLeft = PAD + firstReach;
      slot = (plotRight - plotLeft) / n;
    }
  }
  const every = slanted ? Math.max(1, Math.ceil((LABEL_SIZE + 2) / (slot * sin))) : 1;
  bottom -= slanted ? maxLabel * sin + LABEL_SIZE * cos + 6 : LABEL_SIZE + 10;
  plotTop = Math.min(plotTop, bottom - 20);
  const plotHeight = bottom - plotTop;

  const yOf = (scale: Scale, v: number) => bottom - ((v - scale.lo) / (scale.step * scale.count)) * plotHeight;

  // Gridlines and ticks.
  const grid = svg('g', { class: 'chart-grid' });
  const axisLabels = svg('g', { class: 'chart-axis' });
  for (let k = 0; k <= left.count; k++) {
    const y = bottom - (k / left.count) * plotHeight;
    const zero = Math.abs(left.lo + k * left.step) < left.step / 1e6;
    grid.append(
      svg('line', {
        x1: plotLeft,
        x2: plotRight,
        y1: y,
        y2: y,
        stroke: zero ? BASELINE_COLOR : GRID_COLOR,
        'stroke-width': 1,
        'shape-rendering': 'crispEdges',
      }),
    );
    axisLabels.append(
      label(leftTicks[k] ?? '', {
        x: plotLeft - 8,
        y: y + 4,
        'text-anchor': 'end',
        class: 'chart-tick chart-tick-left',
      }),
    );
    if (right)
      axisLabels.append(
        label(rightTicks[k] ?? '', {
          x: plotRight + 8,
          y: y + 4,
          'text-anchor': 'start',
          class: 'chart-tick chart-tick-right',
        }),
      );
  }
  if (chart.vAxisTitles[0]) {
    const x = PAD + (chart.legend === 'left' ? sideLegendWidth : 0) + 10;
    const y = plotTop + plotHeight / 2;
    axisLabels.append(
      label(fit(chart.vAxisTitles[0], plotHeight), {
        x,
        y,
        'text-anchor': 'middle',
        transform: `rotate(-90 ${x} ${y})`,
        'font-style': 'italic',
        class: 'chart-axis-title',
      }),
    );
  }
  if (right && chart.vAxisTitles[1]) {
    const x = W - PAD - (chart.legend === 'right' ? sideLegendWidth : 0) - 10;
    const y = plotTop + plotHeight / 2;
    axisLabels.append(
      label(fit(chart.vAxisTitles[1], plotHeight), {
        x,
        y,
        'text-anchor': 'middle',
        transform: `rotate(90 ${x} ${y})`,
        'font-style': 'italic',
        class: 'chart-axis-title',
      }),
    );
  }

  // Bars, grouped per category, each against its own axis.
  const bars = svg('g', { class: 'chart-bars' });
  const groupWidth = slot * GROUP_WIDTH;
  const barWidth = groupWidth / Math.max(1, chart.series.length);
  categories.forEach((category, i) => {
    const x0 = plotLeft + i * slot + (slot - groupWidth) / 2;
    chart.series.forEach((s, j) => {
      const v = s.values[i];
      if (v === null || v === undefined) return;
      const scale = axisOf(s) === 1 && right ? right : left;
      const base = yOf(scale, Math.min(Math.max(0, scale.lo), scale.lo + scale.step * scale.count));
      const y = yOf(scale, v);
      const bar = svg('rect', {
        x: x0 + j * barWidth,
        y: Math.min(y, base),
        width: Math.max(1, barWidth),
        height: Math.max(v === 0 ? 0 : 1, Math.abs(base - y)),
        fill: s.color,
        class: 'chart-bar',
      });
      bar.append(tooltip(`${category}\n${s.name}: ${v.toLocaleString('en-US')}`));
      bars.append(bar);
    });
  });

  const labels = svg('g', { class: 'chart-categories' });
  categories.forEach((category, i) => {
    if (i % every !== 0) return;
    const x = plotLeft + (i + 0.5) * slot;
    const shown = fit(category, maxLabel);
    const attrs: Attrs = slanted
      ? {
          x,
          y: bottom + 14,
          'text-anchor': 'end',
          transform: `rotate(-${SLANT} ${x} ${bottom + 14})`,
          class: 'chart-category',
        }
      : { x, y: bottom + 18, 'text-anchor': 'middle', class: 'chart-category' };
    const text = label(shown, attrs);
    if (shown !== category) {
      const group = svg('g', {}, text, tooltip(category));
      labels.append(group);
    } else labels.append(text);
  });
  if (chart.hAxisTitle) {
    const y = H - PAD - (chart.legend === 'bottom' ? 26 : 0) - 2;
    labels.append(
      label(fit(chart.hAxisTitle, plotRight - plotLeft), {
        x: (plotLeft + plotRight) / 2,
        y,
        'text-anchor': 'middle',
        'font-style': 'italic',
        class: 'chart-axis-title',
      }),
    );
  }

  root.append(grid, bars, axisLabels, labels);

  if (chart.legend === 'top' || chart.legend === 'bottom') {
    const width = legendWidth(chart.series);
    const x = Math.max(PAD, (plotLeft + plotRight) / 2 - width / 2);
    root.append(legendItems(chart.series, x, chart.legend === 'top' ? top + 14 : H - PAD - 4, false, W - 2 * PAD));
  } else if (sideLegend) {
    const x = chart.legend === 'right' ? W - PAD - sideLegendWidth + 8 : PAD;
    root.append(legendItems(chart.series, x, plotTop + 10, true, sideLegendWidth));
  }
  if (chart.truncatedCategories > 0) {
    root.append(
      label(`${chart.truncatedCategories} more not shown`, {
        x: W - 6,
        y: H - 6,
        'text-anchor': 'end',
        'font-size': 10,
        class: 'chart-note',
        fill: '#757575',
      }),
    );
  }
}

/** The chart's box (position it with left/top); sized as the chart says. */
export function chartElement(chart: ChartView): El {
  const root = svg('svg', {
    xmlns: SVG_NS,
    width: chart.width,
    height: chart.height,
    viewBox: `0 0 ${chart.width} ${chart.height}`,
    class: 'chart-svg',
  });
  root.append(svg('rect', { x: 0, y: 0, width: chart.width, height: chart.height, fill: '#ffffff' }));
  let top = PAD;
  if (chart.title) {
    root.append(
      label(fit(chart.title, chart.width - 2 * PAD, 15), {
        x: PAD + 4,
        y: PAD + 15,
        'font-size': 15,
        fill: '#202124',
        class: 'chart-title',
      }),
    );
    top += 30;
  }
  const hasData = chart.categories.length > 0 && chart.series.length > 0;
  if (chart.problem) root.append(message(chart, chart.problem, top));
  else if (chart.type !== 'COLUMN')
    root.append(message(chart, `${chart.type.toLowerCase()} charts are not drawn by the local preview`, top));
  else if (!hasData) root.append(message(chart, 'No data', top));
  else drawColumns(root, chart, top);

  const box = el('div', {
    class: 'sheet-chart',
    role: 'figure',
    'aria-label': chart.title || 'Chart',
    'data-chart-id': chart.id,
  });
  box.style.width = `${chart.width}px`;
  box.style.height = `${chart.height}px`;
  box.append(root);
  return box;
}
