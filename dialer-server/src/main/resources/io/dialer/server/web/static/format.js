// Numbers, rates and durations as the consoles show them.

/** A whole number with thousands separators; '–' when unknown. */
export function num(value) {
    return value === null || value === undefined || Number.isNaN(value) ? '–' :
        Math.round(value).toLocaleString('en-US');
}

/** part / whole as a percentage with no decimals; '–' when the whole is 0. */
export function pct(part, whole) {
    return whole > 0 ? Math.round(100 * part / whole) + '%' : '–';
}

/** A duration: 0:42, 12:05, 1:02:09. */
export function duration(ms) {
    if (ms === null || ms === undefined || ms < 0 || Number.isNaN(ms)) {
        return '–';
    }
    const total = Math.floor(ms / 1000);
    const hours = Math.floor(total / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const seconds = String(total % 60).padStart(2, '0');
    return hours > 0 ? hours + ':' + String(minutes).padStart(2, '0') + ':' + seconds : minutes + ':' + seconds;
}

/** Milliseconds as a latency: 850 ms, 1.2 s. */
export function latency(ms) {
    if (ms === null || ms === undefined) {
        return '–';
    }
    return ms < 1000 ? Math.round(ms) + ' ms' : (ms / 1000).toFixed(ms < 10000 ? 1 : 0) + ' s';
}

/** A time of day from an ISO time or epoch ms: 14:03:11. */
export function clock(time) {
    if (time === null || time === undefined) {
        return '–';
    }
    const date = new Date(time);
    return Number.isNaN(date.getTime()) ? String(time) : date.toLocaleTimeString('en-GB');
}

/** A date and time: 2026-05-02 14:03. */
export function stamp(time) {
    const date = new Date(time);
    if (Number.isNaN(date.getTime())) {
        return '–';
    }
    const pad = (n) => String(n).padStart(2, '0');
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + ' ' +
        pad(date.getHours()) + ':' + pad(date.getMinutes());
}

/**
 * How long something has lasted from a "since" the API gives: an epoch time in ms (a start), or else already a
 * duration in ms.
 */
export function since(value, nowMs) {
    if (value === null || value === undefined || value <= 0) {
        return null;
    }
    return value > 1e12 ? Math.max(0, nowMs - value) : value;
}

/** A byte size: 412 B, 41.2 MB. */
export function bytes(n) {
    if (n < 1024) {
        return n + ' B';
    }
    const units = ['KB', 'MB', 'GB'];
    let value = n / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return value.toFixed(value < 10 ? 1 : 0) + ' ' + units[unit];
}

/** A state name as people read it: ON_CALL -> On call. */
export function label(state) {
    if (!state) {
        return '–';
    }
    const s = String(state).replace(/[_-]+/g, ' ').toLowerCase();
    return s.charAt(0).toUpperCase() + s.slice(1);
}
