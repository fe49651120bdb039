/*
 * Before the exam: consent and the system check (camera with a live preview, screen sharing when the exam records
 * the screen, an upload of one webcam-sized picture timed against the exam's frame interval). The start button is
 * enabled only when all of them passed; each failure says what to do.
 */
window.CampusProctorPrepare = (function () {
  'use strict';

  const passed = { camera: false, screen: false, upload: false };
  let base = '';

  function el(id) { return document.getElementById(id); }

  function set(check, ok, text) {
    const item = el('cp-check-' + check);
    item.dataset.state = ok ? 'passed' : 'failed';
    item.textContent = text;
    passed[check] = ok;
    refresh();
  }

  function refresh() {
    const consent = el('start:consent');
    const ready = consent && consent.checked && passed.camera && passed.screen && passed.upload;
    const button = el('start:begin');
    if (button) {
      button.disabled = !ready;
      button.classList.toggle('ui-state-disabled', !ready);
    }
    const summary = el('cp-check-summary');
    if (summary) {
      summary.textContent = passed.camera && passed.screen && passed.upload
        ? (consent.checked ? 'Everything is ready: you can start.' : 'The system check passed. Tick the consent box to start.')
        : '';
    }
  }

  function checkCamera(root) {
    if (root.dataset.webcamRequired !== 'true') {
      set('camera', true, 'Camera: not used for this exam');
      return Promise.resolve(null);
    }
    return navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false }).then(function (stream) {
      const video = el('cp-check-preview');
      video.srcObject = stream;
      return new Promise(function (resolve) {
        video.addEventListener('loadeddata', function () { setTimeout(function () { resolve(video); }, 300); }, { once: true });
      }).then(function (v) {
        set('camera', true, 'Camera: working (' + v.videoWidth + '×' + v.videoHeight + '); you can see yourself in the preview');
        return v;
      });
    }, function (e) {
      set('camera', false, 'Camera: not available (' + e.name + '). Allow this site to use the camera (the icon in the address bar), close other programs that use it, then run the check again.');
      return null;
    });
  }

  function checkScreen(root) {
    if (root.dataset.screenRequired !== 'true') {
      passed.screen = true;
      return Promise.resolve();
    }
    if (!navigator.mediaDevices.getDisplayMedia) {
      set('screen', false, 'Screen sharing: this browser cannot share the screen; use a current Chrome, Edge or Firefox.');
      return Promise.resolve();
    }
    return navigator.mediaDevices.getDisplayMedia({ video: true, audio: false }).then(function (stream) {
      stream.getTracks().forEach(function (t) { t.stop(); });
      set('screen', true, 'Screen sharing: allowed');
    }, function (e) {
      set('screen', false, 'Screen sharing: refused (' + e.name + '). This exam records your screen: share your entire screen when asked.');
    });
  }

  /** Uploads one webcam-sized picture to the upload test and compares the time with the frame interval. */
  function checkUpload(root, video) {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    if (video) {
      canvas.getContext('2d').drawImage(video, 0, 0, 640, 480);
    }
    return new Promise(function (resolve) { canvas.toBlob(resolve, 'image/jpeg', 0.8); }).then(function (blob) {
      const started = performance.now();
      return fetch(base + '/api/system/upload-test', {
        method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, credentials: 'same-origin', body: blob
      }).then(function (r) {
        const millis = Math.round(performance.now() - started);
        const interval = Number(root.dataset.frameInterval) * 1000;
        if (!r.ok) {
          set('upload', false, 'Upload: the server refused the test (' + r.status + '). Reload the page and sign in again.');
        } else if (millis > interval / 2) {
          set('upload', false, 'Upload: too slow (' + millis + ' ms for one picture; the exam sends one every ' + interval / 1000 + ' s). Move closer to the Wi-Fi or use a cable.');
        } else {
          set('upload', true, 'Upload: ' + Math.round(blob.size / 1024) + ' KB in ' + millis + ' ms (enough for a picture every ' + interval / 1000 + ' s)');
        }
      }, function () {
        set('upload', false, 'Upload: no connection to the exam server. Check your network and run the check again.');
      });
    });
  }

  function run() {
    const root = el('cp-prepare');
    el('cp-check-summary').textContent = 'Checking…';
    checkCamera(root).then(function (video) {
      return checkScreen(root).then(function () { return checkUpload(root, video); });
    }).then(refresh);
  }

  /** OmniFaces socket callback while waiting for the identity approval. */
  function onNotice(message) {
    const notice = typeof message === 'string' ? JSON.parse(message) : message;
    if (notice.action === 'IDENTITY_VERIFIED' || notice.action === 'TERMINATED' || notice.action === 'ERROR') {
      el('cp-identity-state').textContent = notice.action === 'IDENTITY_VERIFIED' ? 'Approved: starting the exam…' : 'The exam was ended: ' + notice.detail;
      location.reload();
    }
  }

  function init() {
    base = location.pathname.replace(/\/candidate\/[^/]*$/, '');
    const root = el('cp-prepare');
    if (!root) {
      return;
    }
    if (root.dataset.waiting === 'true') {
      setInterval(function () { location.reload(); }, 30000); // the push is the fast path; this catches a lost socket
      return;
    }
    el('cp-run-check').addEventListener('click', run);
    el('start:consent').addEventListener('change', refresh);
    refresh();
  }

  document.addEventListener('DOMContentLoaded', init);
  window.addEventListener('load', refresh); // PrimeFaces widgets exist after their scripts ran

  return { onNotice: onNotice, passed: passed };
})();
