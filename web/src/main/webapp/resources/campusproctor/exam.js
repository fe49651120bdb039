/*
 * The exam page: autosave (save id + sequence per question, through the answers API), the server-driven countdown,
 * webcam frames at the exam's interval (honouring 429), browser events, the proctor's live notices, submit. What must
 * not be lost goes through the IndexedDB outbox (outbox.js), so a lost connection or a reload loses nothing.
 */
window.CampusProctorExam = (function () {
  'use strict';

  const metrics = { saveRoundTrips: [], framesSent: [], mediaIds: [], screenChunks: [], notices: [], throttled: 0 };
  let state = null;
  let base = '';
  let answers = null;
  let frames = null;
  let screen = null;
  const sequences = {};
  const lastSent = {};
  const timers = {};
  let clock = { endsAt: 0, paused: false, total: 1, announced: {} };
  let ended = false;

  function api(path) { return base + '/api/attempts/' + state.attemptId + path; }

  function el(id) { return document.getElementById(id); }

  // ---- answers ----

  function responseOf(section) {
    const type = section.dataset.type;
    if (type === 'SINGLE_CHOICE' || type === 'TRUE_FALSE') {
      const checked = section.querySelector('.cp-answer input[type=radio]:checked');
      return checked ? checked.value : '';
    }
    if (type === 'MULTIPLE_CHOICE') {
      return Array.prototype.slice.call(section.querySelectorAll('.cp-answer input[type=checkbox]:checked'))
        .map(function (c) { return Number(c.value); }).sort(function (a, b) { return a - b; }).join(',');
    }
    const field = section.querySelector('textarea.cp-answer, input.cp-answer');
    return field ? field.value : '';
  }

  function queueSave(section) {
    const questionId = section.dataset.questionId;
    const response = responseOf(section);
    if (lastSent[questionId] === response) {
      return;
    }
    lastSent[questionId] = response;
    sequences[questionId] = (sequences[questionId] || 0) + 1;
    const id = (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Date.now()) + Math.random();
    answers.add({ kind: 'answer', attemptId: state.attemptId, questionId: questionId, response: response,
      saveId: id, sequence: sequences[questionId], queuedAt: Date.now() });
    markNav(questionId);
  }

  function onAnswerEvent(event) {
    const section = event.target.closest('.cp-question');
    if (!section || event.target.classList.contains('cp-flag-box') || ended) {
      return;
    }
    const qid = section.dataset.questionId;
    clearTimeout(timers[qid]);
    if (event.type === 'input') {
      timers[qid] = setTimeout(function () { queueSave(section); }, 500); // typing: save after a short pause
    } else {
      queueSave(section);
    }
  }

  function sendQueued(item) {
    const started = performance.now();
    let request;
    if (item.kind === 'answer') {
      request = fetch(base + '/api/attempts/' + item.attemptId + '/answers/' + encodeURIComponent(item.questionId), {
        method: 'PUT', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin',
        body: JSON.stringify({ response: item.response, saveId: item.saveId, sequence: item.sequence })
      });
    } else {
      request = fetch(base + '/api/attempts/' + item.attemptId + '/browser-events', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin',
        body: JSON.stringify({ type: item.type, detail: item.detail })
      });
    }
    return request.then(function (r) {
      if (r.ok) {
        if (item.kind === 'answer') {
          metrics.saveRoundTrips.push(performance.now() - started);
          return r.json().then(function (receipt) {
            setQuestionState(item.questionId, 'Saved');
            resync(receipt.remainingSeconds);
            return 'done';
          });
        }
        return 'done';
      }
      if (r.status === 401 || r.status === 403) {
        showNotice('error', 'You are signed out: sign in again in another tab; your answers wait here.');
        return { waitMillis: 5000 };
      }
      if (r.status >= 500) {
        return { waitMillis: 3000 };
      }
      // refused for good (400, 404, 409 after the end): keep going, say so on the question
      if (item.kind === 'answer') {
        setQuestionState(item.questionId, 'Not saved: the exam no longer accepts answers');
      }
      return 'done';
    }, function () { return 'retry'; });
  }

  function setQuestionState(questionId, text) {
    const s = document.querySelector('.cp-question-state[data-question-id="' + questionId + '"]');
    if (s) {
      s.textContent = text;
    }
  }

  function markNav(questionId) {
    const section = document.querySelector('.cp-question[data-question-id="' + questionId + '"]');
    const mark = document.querySelector('.cp-nav-state[data-question-id="' + questionId + '"]');
    const flag = section.querySelector('.cp-flag-box');
    const parts = [];
    if (responseOf(section) !== '') {
      parts.push('answered');
    }
    if (flag && flag.checked) {
      parts.push('flagged');
    }
    mark.textContent = parts.length ? ' (' + parts.join(', ') + ')' : '';
  }

  function updateSaveState() {
    Promise.all([answers.size(), frames.size()]).then(function (n) {
      const s = el('cp-save-state');
      if (!s) {
        return;
      }
      let text;
      if (answers.offline || frames.offline) {
        text = 'Offline: ' + n[0] + ' change(s) and ' + n[1] + ' webcam picture(s) wait here and are sent when the connection returns';
        s.dataset.state = 'offline';
      } else if (n[0] > 0) {
        text = 'Saving…';
        s.dataset.state = 'saving';
      } else {
        text = 'All answers saved';
        s.dataset.state = 'saved';
      }
      if (s.textContent !== text) {
        s.textContent = text;
      }
    });
  }

  // ---- countdown ----

  function resync(remainingSeconds) {
    if (typeof remainingSeconds === 'number' && !clock.paused) {
      clock.endsAt = performance.now() + remainingSeconds * 1000;
    }
  }

  function format(seconds) {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const mm = (h > 0 && m < 10 ? '0' : '') + m;
    return (h > 0 ? h + ':' : '') + mm + ':' + (s < 10 ? '0' : '') + s;
  }

  function spoken(seconds) {
    const m = Math.floor(seconds / 60);
    return m >= 1 ? m + (m === 1 ? ' minute' : ' minutes') + ' left' : seconds + ' seconds left';
  }

  function tick() {
    const left = clock.paused ? clock.frozen : Math.max(0, Math.round((clock.endsAt - performance.now()) / 1000));
    const value = el('cp-countdown-value');
    value.textContent = format(left);
    const share = left / clock.total;
    const level = share <= 0.05 ? 'danger' : share <= 0.2 ? 'warning' : 'info';
    const box = el('cp-countdown');
    if (box.dataset.level !== level) {
      box.dataset.level = level;
      el('cp-countdown-level').textContent = level === 'danger' ? '(less than 5 % of the time left)'
        : level === 'warning' ? '(less than 20 % of the time left)' : '';
      if (level !== 'info') {
        announce(spoken(left));
      }
    }
    const minute = Math.ceil(left / 60);
    if (left > 0 && left <= 300 && left % 60 === 0 && !clock.announced[minute]) {
      clock.announced[minute] = true;
      announce(spoken(left));
    }
    if (left === 0 && !clock.paused && !ended) {
      checkStatus(); // the server ends it at the deadline; the page follows the server
    }
  }

  function announce(text) {
    const a = el('cp-countdown-announce');
    a.textContent = '';
    setTimeout(function () { a.textContent = text; }, 50);
  }

  function checkStatus() {
    return fetch(api(''), { credentials: 'same-origin' }).then(function (r) {
      return r.ok ? r.json() : null;
    }).then(function (view) {
      if (!view) {
        return;
      }
      applyStatus(view.status, null, view.remainingSeconds);
    }, function () { /* offline: the next sync tries again */ });
  }

  function applyStatus(status, reason, remainingSeconds) {
    if (status === 'PAUSED') {
      lock(reason);
      clock.frozen = typeof remainingSeconds === 'number' ? remainingSeconds : clock.frozen;
    } else if (status === 'IN_PROGRESS') {
      unlock();
      resync(remainingSeconds);
    } else if (['SUBMITTED', 'EXPIRED', 'TERMINATED', 'ERROR'].indexOf(status) >= 0) {
      finish(status, reason);
    }
  }

  // ---- pause, notices, end ----

  function lock(reason) {
    if (!clock.paused) {
      clock.frozen = Math.max(0, Math.round((clock.endsAt - performance.now()) / 1000));
    }
    clock.paused = true;
    el('cp-lock-reason').textContent = reason ? 'Reason: ' + reason : 'Your proctor paused the exam.';
    el('cp-lock').hidden = false;
    document.querySelectorAll('.cp-questions :is(input, textarea, button)').forEach(function (i) { i.disabled = true; });
    el('cp-lock').setAttribute('tabindex', '-1');
    el('cp-lock').focus();
  }

  function unlock() {
    if (clock.paused) {
      clock.paused = false;
      clock.endsAt = performance.now() + clock.frozen * 1000;
    }
    el('cp-lock').hidden = true;
    document.querySelectorAll('.cp-questions :is(input, textarea, button)').forEach(function (i) { i.disabled = false; });
  }

  function finish(status, reason) {
    if (ended) {
      return;
    }
    ended = true;
    el('cp-lock-title').textContent = status === 'SUBMITTED' ? 'Your exam is submitted'
      : status === 'EXPIRED' ? 'The time is over: your saved answers were submitted'
        : 'Your proctor ended the exam';
    el('cp-lock-reason').textContent = reason || '';
    el('cp-lock-hint').textContent = 'You can close this page.';
    el('cp-lock').hidden = false;
    stopCapture();
    setTimeout(function () { location.reload(); }, 3000);
  }

  function showNotice(kind, text) {
    const n = document.createElement('p');
    n.className = 'cp-notice cp-notice-' + kind;
    n.textContent = (kind === 'warning' ? 'Warning from your proctor: ' : kind === 'message' ? 'Message from your proctor: ' : '') + text;
    el('cp-notices').appendChild(n);
  }

  /** OmniFaces socket callback: what the proctor did to this attempt. */
  function onNotice(message) {
    const notice = typeof message === 'string' ? JSON.parse(message) : message;
    if (!state || notice.attemptId !== state.attemptId) {
      return;
    }
    metrics.notices.push({ action: notice.action, detail: notice.detail, receivedAt: Date.now(), sentAt: notice.sentAt });
    switch (notice.action) {
      case 'MESSAGED': showNotice('message', notice.detail); break;
      case 'WARNED': showNotice('warning', notice.detail); break;
      case 'PAUSED': applyStatus('PAUSED', notice.detail); break;
      case 'RESUMED': showNotice('info', 'The exam continues.'); unlock(); checkStatus(); break;
      case 'TIME_ADDED': showNotice('info', 'Your proctor added time: ' + notice.detail); checkStatus(); break;
      default: applyStatus(notice.status, notice.detail);
    }
  }

  // ---- webcam frames and browser events ----

  let camera = null;
  let frameTimer = null;
  let nextFrameNotBefore = 0;

  function startCapture() {
    if (!state.webcamRequired) {
      el('cp-camera-state').textContent = 'Webcam: not used for this exam';
      return;
    }
    navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false }).then(function (stream) {
      camera = stream;
      const video = el('cp-camera-preview');
      video.srcObject = stream;
      el('cp-camera-state').textContent = 'Webcam: on';
      stream.getVideoTracks().forEach(function (t) {
        t.addEventListener('ended', function () {
          el('cp-camera-state').textContent = 'Webcam: stopped. Allow the camera again and reload the page.';
          report('CAMERA_REVOKED', 'camera track ended');
        });
      });
      return firstRealFrame(video);
    }).then(function () {
      captureFrame();
      frameTimer = setInterval(captureFrame, state.frameIntervalSeconds * 1000);
    }).catch(function (e) {
      el('cp-camera-state').textContent = 'Webcam: not available (' + e.name + '). Allow the camera for this site and reload.';
      report('CAMERA_REVOKED', 'getUserMedia failed: ' + e.name);
    });
  }

  /** Two decoded frames before the first picture: the very first one of a camera can be black. */
  function firstRealFrame(video) {
    return new Promise(function (resolve) {
      if (!video.requestVideoFrameCallback) {
        video.addEventListener('loadeddata', function () { setTimeout(resolve, 200); }, { once: true });
        return;
      }
      video.requestVideoFrameCallback(function () { video.requestVideoFrameCallback(function () { resolve(); }); });
    });
  }

  function captureFrame() {
    if (ended || clock.paused || !camera || Date.now() < nextFrameNotBefore) {
      return;
    }
    const video = el('cp-camera-preview');
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth || 640;
    canvas.height = video.videoHeight || 480;
    canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
    canvas.toBlob(function (blob) {
      if (blob) {
        frames.add({ kind: 'frame', attemptId: state.attemptId, blob: blob, capturedAt: Date.now() });
      }
    }, 'image/jpeg', 0.8);
  }

  function sendFrame(item) {
    return fetch(base + '/api/attempts/' + item.attemptId + '/frames', {
      method: 'POST', headers: { 'Content-Type': 'image/jpeg' }, credentials: 'same-origin', body: item.blob
    }).then(function (r) {
      if (r.status === 202 || r.ok) {
        metrics.framesSent.push(Date.now());
        el('cp-frames-sent').textContent = String(metrics.framesSent.length);
        keepMetrics();
        return r.json().then(function (b) { metrics.mediaIds.push(b.mediaId); return 'done'; }, function () { return 'done'; });
      }
      if (r.status === 429) {
        metrics.throttled++;
        return r.json().then(function (b) {
          const wait = Math.max(1000, b.retryAfterMillis || 1000);
          nextFrameNotBefore = Date.now() + wait;
          return { waitMillis: wait };
        }, function () { return { waitMillis: 2000 }; });
      }
      if (r.status >= 500 || r.status === 401) {
        return { waitMillis: 3000 };
      }
      return 'done'; // refused for good (400: not an image, 409: attempt over): drop it
    }, function () { return 'retry'; });
  }

  // ---- screen recording ----

  let recorder = null;

  /** Starts on the candidate's click (browsers ask for a gesture): chunks of 5 s, numbered on across reloads. */
  function shareScreen() {
    navigator.mediaDevices.getDisplayMedia({ video: true, audio: false }).then(function (stream) {
      const type = MediaRecorder.isTypeSupported('video/webm;codecs=vp8') ? 'video/webm;codecs=vp8' : 'video/webm';
      recorder = new MediaRecorder(stream, { mimeType: type });
      recorder.ondataavailable = function (e) {
        if (!e.data || e.data.size === 0 || ended) {
          return;
        }
        const key = 'cp-screen-seq-' + state.attemptId;
        const sequence = Number(localStorage.getItem(key) || '0');
        localStorage.setItem(key, String(sequence + 1));
        e.data.arrayBuffer().then(function (bytes) {
          return crypto.subtle.digest('SHA-256', bytes).then(function (digest) {
            const hex = Array.from(new Uint8Array(digest)).map(function (b) { return b.toString(16).padStart(2, '0'); }).join('');
            return screen.add({ kind: 'screen', attemptId: state.attemptId, sequence: sequence, sha256: hex,
              blob: new Blob([bytes], { type: 'video/webm' }) });
          });
        });
      };
      stream.getVideoTracks().forEach(function (t) {
        t.addEventListener('ended', function () {
          el('cp-screen-state').textContent = 'Screen: sharing stopped. Share your screen again.';
          el('cp-share-screen').hidden = false;
          report('SCREEN_SHARE_STOPPED', 'screen sharing ended');
        });
      });
      recorder.start(5000);
      el('cp-screen-state').textContent = 'Screen: shared and recorded';
      el('cp-share-screen').hidden = true;
    }, function (e) {
      el('cp-screen-state').textContent = 'Screen: not shared (' + e.name + '). This exam records your screen: share your entire screen.';
    });
  }

  function sendScreenChunk(item) {
    return fetch(base + '/api/attempts/' + item.attemptId + '/screen-chunks/' + item.sequence, {
      method: 'POST', headers: { 'Content-Type': 'video/webm', 'X-Chunk-SHA256': item.sha256 },
      credentials: 'same-origin', body: item.blob
    }).then(function (r) {
      if (r.ok) {
        metrics.screenChunks.push(item.sequence);
        el('cp-screen-sent').textContent = String(metrics.screenChunks.length);
        keepMetrics();
        return 'done';
      }
      if (r.status >= 500 || r.status === 401 || r.status === 429) {
        return { waitMillis: 3000 };
      }
      return 'done'; // refused for good (taken sequence, attempt over): drop it
    }, function () { return 'retry'; });
  }

  function stopCapture() {
    if (recorder && recorder.state !== 'inactive') {
      recorder.stop();
    }
    clearInterval(frameTimer);
    if (camera) {
      camera.getTracks().forEach(function (t) { t.stop(); });
    }
  }

  const lastReported = {};
  function report(type, detail) {
    if (ended || !answers) {
      return;
    }
    const now = Date.now();
    if (lastReported[type] && now - lastReported[type] < 2000) {
      return; // one event, not a burst of duplicates (blur + hidden fire together)
    }
    lastReported[type] = now;
    answers.add({ kind: 'event', attemptId: state.attemptId, type: type, detail: detail ? String(detail).slice(0, 500) : null });
  }

  function watchBrowser() {
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden') {
        report('TAB_HIDDEN', 'page hidden');
      }
    });
    window.addEventListener('blur', function () { report('WINDOW_BLUR', 'window lost the focus'); });
    document.addEventListener('fullscreenchange', function () {
      if (!document.fullscreenElement) {
        report('FULLSCREEN_EXIT', 'left full screen');
      }
    });
    document.addEventListener('copy', function () { report('COPY', 'text copied'); });
    document.addEventListener('paste', function () { report('PASTE', 'text pasted'); });
    window.addEventListener('offline', function () { report('NETWORK_OFFLINE', 'browser went offline'); updateSaveState(); });
    window.addEventListener('online', function () { answers.pump(); frames.pump(); screen.pump(); updateSaveState(); });
  }

  // ---- submit ----

  function openSubmit() {
    const unanswered = [];
    document.querySelectorAll('.cp-question').forEach(function (s) {
      if (responseOf(s).trim() === '') {
        unanswered.push(s.dataset.number);
      }
    });
    el('cp-submit-unanswered').textContent = unanswered.length === 0 ? 'Every question has an answer.'
      : unanswered.length + ' question(s) have no answer:';
    const list = el('cp-submit-list');
    list.textContent = '';
    unanswered.forEach(function (n) {
      const li = document.createElement('li');
      li.textContent = 'Question ' + n;
      list.appendChild(li);
    });
    el('cp-submit-dialog').hidden = false;
    el('cp-submit-confirm').focus();
  }

  function submit() {
    const button = el('cp-submit-confirm');
    button.disabled = true;
    el('cp-submit-unanswered').textContent = 'Sending your last answers…';
    answers.drained(20000).then(function (done) {
      if (!done) {
        el('cp-submit-unanswered').textContent = 'Your last answers could not be sent yet (no connection). Try again when you are back online.';
        button.disabled = false;
        return undefined;
      }
      return fetch(api('/submit'), { method: 'POST', credentials: 'same-origin' }).then(function (r) {
        if (r.ok) {
          finish('SUBMITTED');
        } else {
          el('cp-submit-unanswered').textContent = 'The exam could not be submitted (' + r.status + ').';
          button.disabled = false;
        }
      });
    }).catch(function () {
      el('cp-submit-unanswered').textContent = 'No connection: try again in a moment.';
      button.disabled = false;
    });
  }

  // ---- measurements (kept for this tab across reloads: the browser tests read them) ----

  function restoreMetrics() {
    try {
      const kept = JSON.parse(sessionStorage.getItem('cp-metrics-' + state.attemptId) || 'null');
      if (kept) {
        metrics.saveRoundTrips = kept.saveRoundTrips || [];
        metrics.mediaIds = kept.mediaIds || [];
        metrics.framesSent = kept.framesSent || [];
        metrics.throttled = kept.throttled || 0;
        metrics.screenChunks = kept.screenChunks || [];
      }
    } catch (e) { /* unreadable: start afresh */ }
    el('cp-frames-sent').textContent = String(metrics.framesSent.length);
    if (el('cp-screen-sent')) {
      el('cp-screen-sent').textContent = String(metrics.screenChunks.length);
    }
    setInterval(keepMetrics, 1000);
    window.addEventListener('pagehide', keepMetrics);
  }

  function keepMetrics() {
    try {
      sessionStorage.setItem('cp-metrics-' + state.attemptId, JSON.stringify({ saveRoundTrips: metrics.saveRoundTrips.slice(-500),
        mediaIds: metrics.mediaIds.slice(-2000), screenChunks: metrics.screenChunks.slice(-2000), framesSent: metrics.framesSent.slice(-2000), throttled: metrics.throttled }));
    } catch (e) { /* storage full: measurements only */ }
  }

  // ---- start ----

  function init() {
    const root = el('cp-exam');
    if (!root) {
      return;
    }
    state = JSON.parse(root.dataset.state);
    restoreMetrics();
    base = location.pathname.replace(/\/candidate\/[^/]*$/, '');
    clock.total = Math.max(1, state.totalAllowedSeconds);
    clock.endsAt = performance.now() + state.remainingSeconds * 1000;
    state.questions.forEach(function (q) {
      sequences[q.id] = q.sequence || 0;
      lastSent[q.id] = q.response || '';
    });
    answers = new CampusProctorOutbox.Outbox('answers', 2000, false, sendQueued, updateSaveState);
    frames = new CampusProctorOutbox.Outbox('frames', 30, true, sendFrame, updateSaveState);
    screen = new CampusProctorOutbox.Outbox('screen', 500, false, sendScreenChunk, updateSaveState);
    // answers still queued from before a reload: continue their sequences, show them in the inputs' state
    answers.entries().then(function (queued) {
      queued.forEach(function (e) {
        if (e.item.kind === 'answer' && e.item.attemptId === state.attemptId) {
          sequences[e.item.questionId] = Math.max(sequences[e.item.questionId] || 0, e.item.sequence);
          lastSent[e.item.questionId] = e.item.response;
        }
      });
      answers.pump();
      frames.pump();
      screen.pump();
    });
    if (state.screenRecordingRequired) {
      el('cp-share-screen').addEventListener('click', shareScreen);
    }
    const $ = window.jQuery;
    $(document).on('change', '.cp-question :input', onAnswerEvent);
    $(document).on('input', '.cp-question input[type=text], .cp-question textarea', onAnswerEvent);
    document.querySelectorAll('.cp-flag-box').forEach(function (f) {
      const key = 'cp-flag-' + state.attemptId + '-' + f.dataset.questionId;
      f.checked = localStorage.getItem(key) === '1';
      f.addEventListener('change', function () {
        localStorage.setItem(key, f.checked ? '1' : '0');
        markNav(f.dataset.questionId);
      });
    });
    document.querySelectorAll('.cp-question').forEach(function (s) { markNav(s.dataset.questionId); });
    el('answers').addEventListener('submit', function (e) { e.preventDefault(); });
    el('cp-submit').addEventListener('click', openSubmit);
    el('cp-submit-cancel').addEventListener('click', function () { el('cp-submit-dialog').hidden = true; el('cp-submit').focus(); });
    el('cp-submit-confirm').addEventListener('click', submit);
    el('cp-countdown-toggle').addEventListener('click', function () {
      const b = el('cp-countdown-toggle');
      const hide = b.getAttribute('aria-pressed') !== 'true';
      b.setAttribute('aria-pressed', String(hide));
      b.textContent = hide ? 'Show time' : 'Hide time';
      el('cp-countdown-value').style.visibility = hide ? 'hidden' : 'visible';
    });
    document.addEventListener('keydown', function (e) {
      if (e.altKey && e.shiftKey && (e.key === 'T' || e.key === 't')) {
        announce(spoken(clock.paused ? clock.frozen : Math.max(0, Math.round((clock.endsAt - performance.now()) / 1000))));
      }
    });
    setInterval(tick, 250);
    setInterval(checkStatus, 30000); // re-synchronise with the server's deadline
    tick();
    if (state.status === 'PAUSED') {
      lock(null);
      checkStatus();
    }
    watchBrowser();
    startCapture();
    updateSaveState();
  }

  document.addEventListener('DOMContentLoaded', init);

  return { onNotice: onNotice, metrics: metrics, pending: function () { return answers.size(); } };
})();
