// The consoles' API client: same-origin fetch with the session cookie, the session's CSRF token on every
// state-changing request, and the API's JSON errors turned into ApiError with their details.

let csrfToken = null;

/** An error answer of the API: its status, message and details ({file, line, col, row, field, message}). */
export class ApiError extends Error {
    constructor(status, body) {
        super((body && body.error) || ('HTTP ' + status));
        this.status = status;
        this.details = (body && body.details) || [];
    }
}

/** The console a role signs in to. */
export function homeOf(role) {
    return role === 'closer' ? '/closer.html' : '/manager.html';
}

/** The signed-in session ({user, csrfToken, ...}), or null when nobody is signed in. */
export async function loadSession() {
    const response = await fetch('/api/session', {credentials: 'same-origin', cache: 'no-store'});
    if (response.status === 401) {
        return null;
    }
    const session = await readJson(response);
    csrfToken = session.csrfToken || null;
    return session;
}

/**
 * The session of a console page: back to the sign-in page without one, to the role's own console when the role
 * does not belong here.
 */
export async function requireSession(roles) {
    const session = await loadSession();
    if (!session) {
        location.replace('/');
        throw new Error('not signed in');
    }
    if (!roles.includes(session.user.role)) {
        location.replace(homeOf(session.user.role));
        throw new Error('another console');
    }
    return session;
}

/** Signs in; remembers the CSRF token. */
export async function signIn(name, password) {
    const session = await request('POST', '/api/session', JSON.stringify({name, password}), 'application/json');
    csrfToken = session.csrfToken;
    return session;
}

/** Signs out and goes back to the sign-in page. */
export async function signOut() {
    try {
        await request('DELETE', '/api/session');
    } finally {
        csrfToken = null;
        location.replace('/');
    }
}

async function readJson(response) {
    const type = response.headers.get('Content-Type') || '';
    const body = type.startsWith('application/json') ? await response.json() : null;
    if (!response.ok) {
        throw new ApiError(response.status, body || {error: response.status + ' ' + response.statusText});
    }
    return body;
}

/**
 * One request. body is a string (JSON already) or a Blob/File; answers the parsed JSON (null for 204). A 401 on a
 * console means the session ended: back to the sign-in page.
 */
export async function request(method, path, body, contentType) {
    const headers = {};
    if (contentType) {
        headers['Content-Type'] = contentType;
    }
    if (method !== 'GET' && csrfToken) {
        headers['X-CSRF-Token'] = csrfToken;
    }
    const response = await fetch(path, {method, headers, body, credentials: 'same-origin', cache: 'no-store'});
    if (response.status === 401 && path !== '/api/session') {
        location.replace('/?expired=1');
        throw new ApiError(401, {error: 'the session ended: sign in again'});
    }
    if (response.status === 204) {
        return null;
    }
    return readJson(response);
}

export const get = (path) => request('GET', path);
export const del = (path) => request('DELETE', path);
export const post = (path, json) =>
    request('POST', path, json === undefined ? undefined : JSON.stringify(json), json === undefined ? undefined :
        'application/json');
export const patch = (path, json) => request('PATCH', path, JSON.stringify(json), 'application/json');

/** Uploads a file as the request body with its content type. */
export const upload = (path, file, contentType) => request('POST', path, file, contentType);

/** A path segment, escaped. */
export function seg(value) {
    return encodeURIComponent(value);
}
