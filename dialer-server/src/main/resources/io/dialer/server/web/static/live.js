// Server-sent events with the session cookie: named events to handlers, the connection's state to a callback
// ('connecting', 'live', 'reconnecting'), and a fresh connection when the browser gives up on one (EventSource
// stops retrying after an HTTP error, such as a restart of the server).

const RETRY_MS = 3000;

export class LiveStream {
    /**
     * @param url the event stream.
     * @param handlers event name -> function(data parsed from JSON).
     * @param onStatus function(status), optional.
     * @param onOpen function() called on every (re)connection, to catch up with what was missed.
     */
    constructor(url, handlers, onStatus, onOpen) {
        this.url = url;
        this.handlers = handlers;
        this.onStatus = onStatus || (() => {});
        this.onOpen = onOpen || (() => {});
        this.source = null;
        this.timer = null;
        this.closed = false;
    }

    start() {
        this.closed = false;
        this.connect();
        return this;
    }

    connect() {
        if (this.closed) {
            return;
        }
        this.onStatus('connecting');
        const source = new EventSource(this.url, {withCredentials: true});
        this.source = source;
        source.onopen = () => {
            this.onStatus('live');
            this.onOpen();
        };
        source.onerror = () => {
            if (this.closed) {
                return;
            }
            this.onStatus('reconnecting');
            if (source.readyState === EventSource.CLOSED) {
                this.source = null;
                clearTimeout(this.timer);
                this.timer = setTimeout(() => this.connect(), RETRY_MS);
            }
        };
        for (const [name, handler] of Object.entries(this.handlers)) {
            source.addEventListener(name, (event) => {
                let data;
                try {
                    data = JSON.parse(event.data);
                } catch (e) {
                    return;
                }
                handler(data);
            });
        }
    }

    close() {
        this.closed = true;
        clearTimeout(this.timer);
        if (this.source) {
            this.source.close();
            this.source = null;
        }
    }
}
