// The attempt's screen recording on the proctor's candidate page. The candidate's browser records with one
// MediaRecorder in 5 s timeslices: only the first piece of a recording carries the WebM header, the next ones continue
// it, so a piece alone is not a video and cannot be given to <video> one after the other. The pieces are appended in
// sequence order to one MediaSource instead (mode "sequence": a recording restarted after a reload, with its own
// header, follows on in time), each fetched when what is buffered ahead of the playhead runs short.
(function () {
  'use strict';
  var AHEAD_SECONDS = 30;
  var TYPE = 'video/webm; codecs="vp8"'; // what the exam page records (resources/campusproctor/exam.js)

  function start() {
    var video = document.getElementById('recording-player');
    var status = document.getElementById('recording-status');
    if (!video || !status) {
      return;
    }
    var base = video.getAttribute('data-chunks');
    var sequences = [];
    var next = 0;
    var loading = false;
    var source;
    var buffer;

    function say(text) {
      status.textContent = text;
    }

    function ahead() {
      var b = video.buffered;
      return b.length ? b.end(b.length - 1) - video.currentTime : 0;
    }

    function fill() {
      if (!buffer || loading || buffer.updating || source.readyState !== 'open') {
        return;
      }
      if (next >= sequences.length) {
        source.endOfStream();
        say('All ' + sequences.length + ' pieces loaded.');
        return;
      }
      if (next > 0 && ahead() > AHEAD_SECONDS) {
        return;
      }
      var sequence = sequences[next];
      loading = true;
      fetch(base + '/' + sequence, { credentials: 'same-origin' }).then(function (r) {
        if (!r.ok) {
          throw new Error('HTTP ' + r.status);
        }
        return r.arrayBuffer();
      }).then(function (bytes) {
        loading = false;
        next++;
        say('Loaded piece ' + sequence + ' (' + next + ' of ' + sequences.length + ').');
        buffer.appendBuffer(bytes); // updateend calls fill again
      }).catch(function (e) {
        loading = false;
        next++;
        say('Piece ' + sequence + ' could not be loaded (' + e.message + '); going on with the next one.');
        fill();
      });
    }

    if (!window.MediaSource || !MediaSource.isTypeSupported(TYPE)) {
      say('This browser cannot play the recording (WebM VP8); each piece can be downloaded from the list.');
      return;
    }
    fetch(base, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) {
        throw new Error('HTTP ' + r.status);
      }
      return r.json();
    }).then(function (chunks) {
      sequences = chunks.map(function (c) { return c.sequence; });
      source = new MediaSource();
      source.addEventListener('sourceopen', function () {
        buffer = source.addSourceBuffer(TYPE);
        buffer.mode = 'sequence';
        buffer.addEventListener('updateend', fill);
        buffer.addEventListener('error', function () {
          say('The recording could not be decoded after piece ' + sequences[next - 1] + '.');
        });
        fill();
      }, { once: true });
      video.src = URL.createObjectURL(source);
      video.addEventListener('timeupdate', fill);
      video.addEventListener('waiting', fill);
      video.addEventListener('ended', function () {
        say('End of the recording (' + sequences.length + ' pieces).');
      });
    }).catch(function (e) {
      say('The list of pieces could not be read (' + e.message + ').');
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
