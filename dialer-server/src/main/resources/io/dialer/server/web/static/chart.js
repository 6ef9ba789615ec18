// The dashboard's chart of the last 15 minutes: uPlot (a WebJar served by the server; its version is pinned in
// the parent pom and must match the path below). Counters of the history (dialed, answered, ...) are shown as
// per-minute rates over the 30 s before each point; lines in flight and callers waiting as they are. The time axis
// spans the data, at least 2 minutes and at most 15, ending now.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

const WINDOW_MS = 15 * 60 * 1000;
const MIN_SPAN_MS = 2 * 60 * 1000;
const RATE_OVER_MS = 30 * 1000;
const RATES = [
    ['dialed', 'Dials/min', '#2563eb'],
    ['answered', 'Answered/min', '#0891b2'],
    ['human', 'Human/min', '#16a34a'],
    ['machine', 'Machine/min', '#9ca3af'],
    ['qualified', 'Qualified/min', '#d97706'],
    ['bridged', 'Bridged/min', '#7c3aed'],
];
const GAUGES = [
    ['live', 'Lines', '#111827'],
    ['waiting', 'On hold', '#dc2626'],
];

export class HistoryChart {
    constructor(container) {
        this.container = container;
        this.points = [];
        this.plot = null;
        this.resizer = new ResizeObserver(() => this.resize());
        this.resizer.observe(container);
    }

    size() {
        const width = Math.max(240, Math.floor(this.container.clientWidth));
        return {width, height: width < 600 ? 180 : 240};
    }

    build() {
        const series = [{label: 'Time'}];
        for (const [, name, color] of RATES) {
            series.push({label: name, stroke: color, width: 2, scale: 'rate', value: (u, v) => v === null ? '–' :
                v.toFixed(1)});
        }
        for (const [, name, color] of GAUGES) {
            series.push({label: name, stroke: color, width: 1.5, dash: [4, 3], scale: 'count',
                value: (u, v) => v === null ? '–' : String(v)});
        }
        const options = Object.assign(this.size(), {
            class: 'history-chart',
            cursor: {drag: {x: false, y: false}},
            legend: {live: false},
            scales: {x: {time: true, range: () => this.span()}, rate: {range: (u, min, max) => [0, Math.max(1, max)]},
                count: {range: (u, min, max) => [0, Math.max(1, max)]}},
            axes: [{}, {scale: 'rate', label: 'per minute', size: 50},
                {scale: 'count', side: 1, label: 'now', size: 40, grid: {show: false}}],
            series,
        });
        this.plot = new uPlot(options, this.data(), this.container);
    }

    span() {
        const last = this.points.length > 0 ? this.points[this.points.length - 1].t : Date.now();
        const first = this.points.length > 0 ? this.points[0].t : last;
        const span = Math.min(WINDOW_MS, Math.max(MIN_SPAN_MS, last - first));
        return [(last - span) / 1000, last / 1000];
    }

    data() {
        const times = [];
        const columns = RATES.map(() => []);
        const gauges = GAUGES.map(() => []);
        let from = 0;
        for (let i = 0; i < this.points.length; i++) {
            const point = this.points[i];
            while (from < i - 1 && this.points[from + 1].t <= point.t - RATE_OVER_MS) {
                from++;
            }
            const base = this.points[from];
            times.push(point.t / 1000);
            RATES.forEach(([key], k) => {
                if (from === i || point.t <= base.t) {
                    columns[k].push(null);
                } else {
                    const delta = (point[key] || 0) - (base[key] || 0);
                    columns[k].push(Math.max(0, delta) * 60000 / (point.t - base.t));
                }
            });
            GAUGES.forEach(([key], k) => gauges[k].push(point[key] === undefined ? null : point[key]));
        }
        return [times, ...columns, ...gauges];
    }

    /** Replaces the points: [{t (epoch ms), dialed, live, answered, human, machine, qualified, bridged, waiting}]. */
    setPoints(points) {
        this.points = points.map((p) => Object.assign({}, p, {t: toMs(p.t)})).sort((a, b) => a.t - b.t);
        this.redraw();
    }

    /** Adds a point when the last one is at least minGapMs older; drops points older than 15 minutes. */
    addPoint(point, minGapMs) {
        const p = Object.assign({}, point, {t: toMs(point.t)});
        const last = this.points[this.points.length - 1];
        if (last && p.t - last.t < minGapMs) {
            return;
        }
        this.points.push(p);
        const oldest = p.t - WINDOW_MS;
        while (this.points.length > 0 && this.points[0].t < oldest) {
            this.points.shift();
        }
        this.redraw();
    }

    redraw() {
        if (!this.plot) {
            this.build();
        } else {
            this.plot.setData(this.data());
        }
    }

    resize() {
        if (this.plot) {
            this.plot.setSize(this.size());
        }
    }

    destroy() {
        this.resizer.disconnect();
        if (this.plot) {
            this.plot.destroy();
            this.plot = null;
        }
    }
}

function toMs(t) {
    return typeof t === 'number' ? t : new Date(t).getTime();
}
