/*
 * Before the exam: consent and the system check (camera with a live preview, screen sharing when the exam records
 * the screen, an upload of one webcam-sized picture timed against the exam's frame interval). The start button is
 * enabled only when all of them passed; each failure says what to do. Where the exam requires an identity check,
 * the candidate then takes a photo that the server compares with the enrolment photo: a match starts the exam,
 * anything else waits for a proctor's approval (pushed to this page).
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

  /** Why a photo could not be compared, in the candidate's words (the outcomes of the server's face check). */
  const UNUSABLE = {
    NO_FACE: 'no face could be seen in it',
    SEVERAL_FACES: 'more than one face is in it; be alone in the picture',
    SPOOF: 'it looks like a photo of a photo or a screen; sit in front of the camera yourself',
    FACE_CUT_OFF: 'your face is cut off at the edge; move to the middle of the picture',
    UNUSABLE: 'the picture could not be read'
  };

  const identity = { sentAt: null, answeredMillis: null, outcomes: [] };

  /** Shows where the identity check stands; returns whether another photo may be taken. */
  function showIdentity(outcome, awaiting, photosLeft) {
    const state = el('cp-identity-state');
    const button = el('cp-identity-photo');
    el('cp-identity-left').textContent = photosLeft > 0
      ? photosLeft + (photosLeft === 1 ? ' photo' : ' photos') + ' left' : 'No photos left';
    if (outcome && UNUSABLE[outcome]) {
      state.textContent = 'Your photo could not be used: ' + UNUSABLE[outcome] + '. '
        + (photosLeft > 0 ? 'Please try again.' : 'A proctor will check your identity; please wait. This page moves on by itself.');
    } else if (outcome === 'MISMATCH' || outcome === 'NO_ENROLMENT' || (awaiting && outcome)) {
      state.textContent = (outcome === 'NO_ENROLMENT' ? 'There is no enrolment photo to compare with. '
        : 'Your photo did not match your enrolment photo. ') + 'Waiting for a proctor to check your identity; this page moves on by itself once you are approved.';
    } else if (!outcome && photosLeft <= 0) {
      state.textContent = 'Waiting for a proctor to check your identity; this page moves on by itself once you are approved.';
    }
    // after a match or a proctor's decision the page reloads; a refused photo may be retried while photos are left
    const retry = photosLeft > 0 && outcome !== 'MISMATCH' && outcome !== 'NO_ENROLMENT';
    button.disabled = !retry;
    if (!retry && photosLeft > 0) {
      el('cp-identity-left').textContent = ''; // nothing more to take: the count would only confuse
    }
    return retry;
  }

  /** The camera for the identity photo; the button works once the preview shows real frames. */
  function startIdentityCamera() {
    const video = el('cp-identity-preview');
    return navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false }).then(function (stream) {
      video.srcObject = stream;
      return new Promise(function (resolve) { video.addEventListener('loadeddata', resolve, { once: true }); });
    }).then(function () {
      return true;
    }, function (e) {
      el('cp-identity-state').textContent = 'The camera is not available (' + e.name + '). Allow this site to use the camera (the icon in the address bar) and reload the page; or wait for a proctor to check your identity.';
      return false;
    });
  }

  /** Resolves after two new video frames were presented: the first ones drawn can be black. */
  function freshFrame(video) {
    return new Promise(function (resolve) {
      if (!video.requestVideoFrameCallback) {
        setTimeout(resolve, 300);
        return;
      }
      video.requestVideoFrameCallback(function () { video.requestVideoFrameCallback(function () { resolve(); }); });
    });
  }

  /** Takes a photo from the preview and sends it to the identity check. */
  function takeIdentityPhoto() {
    const section = el('cp-identity');
    const video = el('cp-identity-preview');
    const button = el('cp-identity-photo');
    button.disabled = true;
    el('cp-identity-state').textContent = 'Taking your photo…';
    identity.sentAt = performance.now();
    return freshFrame(video).then(function () {
      const canvas = document.createElement('canvas');
      canvas.width = video.videoWidth || 640;
      canvas.height = video.videoHeight || 480;
      canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) { canvas.toBlob(resolve, 'image/jpeg', 0.9); });
    }).then(function (blob) {
      el('cp-identity-state').textContent = 'Comparing your photo with your enrolment photo…';
      return fetch(base + '/api/attempts/' + section.dataset.attemptId + '/identity-photo', {
        method: 'POST', headers: { 'Content-Type': 'image/jpeg' }, credentials: 'same-origin', body: blob
      });
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        identity.answeredMillis = Math.round(performance.now() - identity.sentAt);
        if (r.ok) {
          const check = body.identityCheck || {};
          identity.outcomes.push(check.outcome);
          if (body.status !== 'IDENTITY_CHECK') {
            el('cp-identity-state').textContent = check.outcome === 'MATCHED'
              ? 'Your photo matches your enrolment photo: starting the exam…' : 'Your identity is confirmed: starting the exam…';
            location.reload();
            return;
          }
          showIdentity(check.outcome, check.awaitingProctor, check.photosLeft);
        } else if (r.status === 409 && body.error === 'IDENTITY_PHOTOS_EXHAUSTED') {
          showIdentity(null, true, 0);
        } else if (r.status === 400) {
          el('cp-identity-state').textContent = 'Your photo was refused: ' + (body.message || 'it could not be read') + '. Please try again.';
          button.disabled = false;
        } else {
          el('cp-identity-state').textContent = 'The photo could not be checked (' + r.status + '). Reload the page and try again.';
          button.disabled = false;
        }
      });
    }, function () {
      el('cp-identity-state').textContent = 'No connection to the exam server. Check your network and try again.';
      button.disabled = false;
    });
  }

  function initIdentity() {
    const section = el('cp-identity');
    const left = Number(section.dataset.photosLeft);
    const outcome = section.dataset.outcome || null;
    const retry = showIdentity(outcome, section.dataset.awaiting === 'true', left);
    if (!outcome) {
      el('cp-identity-state').textContent = left > 0 ? 'Starting the camera…' : el('cp-identity-state').textContent;
    }
    el('cp-identity-photo').addEventListener('click', takeIdentityPhoto);
    el('cp-identity-photo').disabled = true;
    startIdentityCamera().then(function (ok) {
      if (ok && retry) {
        el('cp-identity-photo').disabled = false;
        if (!outcome) {
          el('cp-identity-state').textContent = 'The camera is on: take your photo when you are ready.';
        }
      }
    });
    // the push is the fast path; this catches a lost socket without disturbing a photo being taken
    setInterval(function () {
      fetch(base + '/api/attempts/' + section.dataset.attemptId, { credentials: 'same-origin' }).then(function (r) {
        return r.ok ? r.json() : null;
      }).then(function (view) {
        if (view && view.status !== 'IDENTITY_CHECK') {
          location.reload();
        }
      }, function () { /* offline: try again at the next tick */ });
    }, 30000);
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
      initIdentity();
      return;
    }
    el('cp-run-check').addEventListener('click', run);
    el('start:consent').addEventListener('change', refresh);
    refresh();
  }

  document.addEventListener('DOMContentLoaded', init);
  window.addEventListener('load', refresh); // PrimeFaces widgets exist after their scripts ran

  return { onNotice: onNotice, passed: passed, identity: identity };
})();
