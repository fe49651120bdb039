// The live session view's push: one WebSocket on the proctor feed (events of the proctor's own attempts only). Each
// event updates its candidate's tile in place (thumbnail, state, risk, incidents); nothing else is re-rendered.
// After a lost connection the socket reopens with the last event id seen and the server sends what was missed; when
// it cannot ("reload"), the tiles are read again. Time left ticks here between events.
(function () {
    'use strict';
    var feed, framesBase, status, alerts, epoch = null, lastId = null, delay = 1000;
    var received = window.cpFeedLog = []; // what arrived when: latency measurements read it

    function tile(attemptId) {
        return attemptId ? document.querySelector('.cp-tile[data-attempt="' + CSS.escape(attemptId) + '"]') : null;
    }

    function setText(root, selector, value) {
        var el = root.querySelector(selector);
        if (el) {
            el.textContent = value;
        }
        return el;
    }

    function say(text) {
        status.textContent = text;
    }

    function alert(text) {
        var p = document.createElement('p');
        p.className = 'cp-alert';
        p.textContent = new Date().toLocaleTimeString() + ' ' + text;
        alerts.insertBefore(p, alerts.firstChild);
        while (alerts.children.length > 20) {
            alerts.removeChild(alerts.lastChild);
        }
    }

    function refresh() {
        var button = document.getElementById('session:refresh');
        if (button) {
            button.click();
        }
    }

    function onEvent(e) {
        if (e.type === 'hello') {
            epoch = e.epoch;
            if (lastId === null) {
                lastId = e.lastId;
            }
            say('Live: updates arrive as they happen');
            return;
        }
        if (e.type === 'reload') {
            lastId = null;
            refresh();
            return;
        }
        if (lastId !== null && e.id <= lastId) {
            return; // already applied
        }
        lastId = e.id;
        received.push({id: e.id, type: e.type, mediaId: e.mediaId, attemptId: e.attemptId, at: Date.now()});
        if (received.length > 2000) {
            received.splice(0, 1000);
        }
        var t = tile(e.attemptId);
        if (e.type === 'frame-analysed' && t) {
            var img = t.querySelector('img.cp-thumb');
            img.src = framesBase + encodeURIComponent(e.mediaId) + '/image';
            img.alt = 'Latest webcam frame of ' + t.getAttribute('aria-label');
            setText(t, '.cp-capture', 'LIVE' + (e.faceCount === null || e.faceCount === undefined ? '' : ', faces: ' + e.faceCount));
        } else if (e.type === 'attempt-changed') {
            if (t) {
                setText(t, '.cp-status', e.status);
                setText(t, '.cp-risk', e.riskScore);
                t.className = t.className.replace(/cp-risk-\w+/, 'cp-risk-' + (e.riskScore >= 50 ? 'high' : e.riskScore >= 20 ? 'elevated' : 'low'));
                if (e.kind === 'INCIDENT') {
                    var open = t.querySelector('.cp-incidents');
                    open.textContent = String((parseInt(open.textContent, 10) || 0) + 1);
                }
            }
            if (e.kind === 'INCIDENT' || e.action === 'TERMINATED' || e.action === 'ERROR') {
                alert(e.candidate + ': ' + (e.kind === 'INCIDENT' ? 'incident ' + e.action : e.action) + ' (risk ' + e.riskScore + ')');
            }
        }
    }

    function connect() {
        var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + feed.dataset.feed
            + (epoch === null || lastId === null ? '' : '?epoch=' + encodeURIComponent(epoch) + '&after=' + lastId);
        var socket = new WebSocket(url);
        socket.onopen = function () {
            delay = 1000;
        };
        socket.onmessage = function (message) {
            onEvent(JSON.parse(message.data));
        };
        socket.onclose = function (close) {
            if (close.code === 1008) {
                say('The live feed ended: ' + (close.reason || 'not allowed') + '. Reload the page after signing in.');
                return;
            }
            say('Live feed lost; reconnecting...');
            setTimeout(connect, delay);
            delay = Math.min(delay * 2, 10000);
        };
    }

    function tick() {
        document.querySelectorAll('.cp-tile').forEach(function (t) {
            var state = t.querySelector('.cp-status');
            var left = t.querySelector('.cp-left');
            if (!left || !state || state.textContent !== 'IN_PROGRESS') {
                return;
            }
            var s = Math.max(0, parseInt(left.dataset.deadlineSeconds, 10) - 1);
            left.dataset.deadlineSeconds = s;
            var h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, r = s % 60;
            left.textContent = (h > 0 ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(r).padStart(2, '0');
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        feed = document.getElementById('live-feed');
        if (!feed) {
            return;
        }
        framesBase = feed.dataset.frames;
        status = document.getElementById('feed-status');
        alerts = document.getElementById('alerts');
        connect();
        setInterval(tick, 1000);
    });
})();
