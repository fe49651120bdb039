/*
 * A bounded, ordered outbox in IndexedDB: what the exam page must not lose (answers, browser events, webcam frames,
 * screen-recording chunks)
 * waits here until the server acknowledges it, across lost connections and reloads. Items are sent one at a time in
 * the order they were queued; past the bound the oldest are dropped (frames only: answers and screen chunks are never
 * dropped).
 */
window.CampusProctorOutbox = (function () {
  'use strict';

  const DB_NAME = 'campusproctor';
  let dbPromise = null;

  function db() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        const open = indexedDB.open(DB_NAME, 2);
        open.onupgradeneeded = function () {
          ['answers', 'frames', 'screen'].forEach(function (store) {
            if (!open.result.objectStoreNames.contains(store)) {
              open.result.createObjectStore(store, { autoIncrement: true });
            }
          });
        };
        open.onsuccess = function () { resolve(open.result); };
        open.onerror = function () { reject(open.error); };
      });
    }
    return dbPromise;
  }

  function request(store, mode, action) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        const tx = d.transaction(store, mode);
        const r = action(tx.objectStore(store));
        tx.oncomplete = function () { resolve(r ? r.result : undefined); };
        tx.onerror = function () { reject(tx.error); };
      });
    });
  }

  /** An outbox over one store: send(item) resolves to 'done', 'retry' (network) or {waitMillis} (back-pressure). */
  function Outbox(store, maxItems, dropOldest, send, onChange) {
    this.store = store;
    this.maxItems = maxItems;
    this.dropOldest = dropOldest;
    this.send = send;
    this.onChange = onChange || function () {};
    this.pumping = false;
    this.offline = false;
  }

  Outbox.prototype.entries = function () {
    const keys = request(this.store, 'readonly', function (s) { return s.getAllKeys(); });
    const values = request(this.store, 'readonly', function (s) { return s.getAll(); });
    return Promise.all([keys, values]).then(function (kv) {
      return kv[0].map(function (k, i) { return { key: k, item: kv[1][i] }; });
    });
  };

  Outbox.prototype.add = function (item) {
    const self = this;
    return self.entries().then(function (all) {
      if (all.length >= self.maxItems) {
        if (!self.dropOldest) {
          return Promise.reject(new Error('outbox full'));
        }
        const oldest = all[0].key;
        return request(self.store, 'readwrite', function (s) { return s.delete(oldest); });
      }
      return undefined;
    }).then(function () {
      return request(self.store, 'readwrite', function (s) { return s.add(item); });
    }).then(function () {
      self.onChange();
      self.pump();
    });
  };

  Outbox.prototype.size = function () {
    return request(this.store, 'readonly', function (s) { return s.count(); });
  };

  Outbox.prototype.pump = function () {
    const self = this;
    if (self.pumping) {
      return;
    }
    self.pumping = true;
    const next = function () {
      self.entries().then(function (all) {
        if (all.length === 0) {
          self.pumping = false;
          self.offline = false;
          self.onChange();
          return undefined;
        }
        const head = all[0];
        return Promise.resolve(self.send(head.item)).then(function (outcome) {
          if (outcome === 'done') {
            self.offline = false;
            return request(self.store, 'readwrite', function (s) { return s.delete(head.key); }).then(function () {
              self.onChange();
              next();
            });
          }
          const wait = outcome && outcome.waitMillis ? outcome.waitMillis : 2000;
          self.offline = !(outcome && outcome.waitMillis);
          self.onChange();
          setTimeout(next, wait);
          return undefined;
        });
      }).catch(function () {
        self.offline = true;
        self.onChange();
        setTimeout(next, 2000);
      });
    };
    next();
  };

  /** Resolves once everything queued now is acknowledged (or after timeoutMillis with false). */
  Outbox.prototype.drained = function (timeoutMillis) {
    const self = this;
    const until = Date.now() + timeoutMillis;
    return new Promise(function (resolve) {
      const check = function () {
        self.size().then(function (n) {
          if (n === 0) {
            resolve(true);
          } else if (Date.now() > until) {
            resolve(false);
          } else {
            self.pump();
            setTimeout(check, 200);
          }
        });
      };
      check();
    });
  };

  return { Outbox: Outbox };
})();
