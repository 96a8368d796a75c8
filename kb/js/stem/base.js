// kb/js/stem/base.js: snowballstemmer 3.0.1's basestemmer.py and among.py, ported by hand
// (Snowball, https://snowballstem.org/, BSD-3-Clause: the notice is in each kb/js/stem/<lang>.js).
// Not loaded on its own: tools/snowball_js.py puts what follows this header into each generated
// kb/js/stem/<lang>.js, inside its function. Only the methods the generated stemmers call are here,
// each doing what the Python does, step for step. One difference: Python indexes a string by code
// point, JavaScript by UTF-16 unit; they agree on every character below U+10000, which covers
// Spanish and English (and the search folds its words to a-z0-9 before stemming anyway).
// Grouping sets are Sets of one-character strings, as the Python's are sets of them.

function Among(s, substring_i, result, method) {
  this.s = s; // the string to match
  this.substring_i = substring_i; // index of the longest entry that is a substring of this one, or -1
  this.result = result; // what find_among returns on a match
  this.method = method === undefined ? null : method; // a condition the match must pass, or null
}

class BaseStemmer {
  constructor() {
    this.set_current("");
  }

  set_current(value) {
    this.current = value;
    this.cursor = 0;
    this.limit = this.current.length;
    this.limit_backward = 0;
    this.bra = this.cursor;
    this.ket = this.limit;
  }

  get_current() {
    return this.current;
  }

  in_grouping(s) {
    if (this.cursor >= this.limit) return false;
    if (!s.has(this.current[this.cursor])) return false;
    this.cursor += 1;
    return true;
  }

  go_in_grouping(s) {
    while (this.cursor < this.limit) {
      if (!s.has(this.current[this.cursor])) return true;
      this.cursor += 1;
    }
    return false;
  }

  in_grouping_b(s) {
    if (this.cursor <= this.limit_backward) return false;
    if (!s.has(this.current[this.cursor - 1])) return false;
    this.cursor -= 1;
    return true;
  }

  go_in_grouping_b(s) {
    while (this.cursor > this.limit_backward) {
      if (!s.has(this.current[this.cursor - 1])) return true;
      this.cursor -= 1;
    }
    return false;
  }

  out_grouping(s) {
    if (this.cursor >= this.limit) return false;
    if (!s.has(this.current[this.cursor])) {
      this.cursor += 1;
      return true;
    }
    return false;
  }

  go_out_grouping(s) {
    while (this.cursor < this.limit) {
      if (s.has(this.current[this.cursor])) return true;
      this.cursor += 1;
    }
    return false;
  }

  out_grouping_b(s) {
    if (this.cursor <= this.limit_backward) return false;
    if (!s.has(this.current[this.cursor - 1])) {
      this.cursor -= 1;
      return true;
    }
    return false;
  }

  go_out_grouping_b(s) {
    while (this.cursor > this.limit_backward) {
      if (s.has(this.current[this.cursor - 1])) return true;
      this.cursor -= 1;
    }
    return false;
  }

  eq_s(s) {
    if (this.limit - this.cursor < s.length) return false;
    if (this.current.slice(this.cursor, this.cursor + s.length) !== s) return false;
    this.cursor += s.length;
    return true;
  }

  eq_s_b(s) {
    if (this.cursor - this.limit_backward < s.length) return false;
    if (this.current.slice(this.cursor - s.length, this.cursor) !== s) return false;
    this.cursor -= s.length;
    return true;
  }

  find_among(v) {
    let i = 0;
    let j = v.length;
    const c = this.cursor;
    const l = this.limit;
    let common_i = 0;
    let common_j = 0;
    let first_key_inspected = false;
    while (true) {
      const k = i + ((j - i) >> 1);
      let diff = 0;
      let common = Math.min(common_i, common_j); // smaller
      const w = v[k];
      for (let i2 = common; i2 < w.s.length; i2++) {
        if (c + common === l) {
          diff = -1;
          break;
        }
        diff = this.current.charCodeAt(c + common) - w.s.charCodeAt(i2);
        if (diff !== 0) break;
        common += 1;
      }
      if (diff < 0) {
        j = k;
        common_j = common;
      } else {
        i = k;
        common_i = common;
      }
      if (j - i <= 1) {
        if (i > 0) break; // v[i].s has been inspected
        if (j === i) break; // only one item in v
        // - but now we need to go round once more to get v[0].s inspected.
        if (first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    while (true) {
      const w = v[i];
      if (common_i >= w.s.length) {
        this.cursor = c + w.s.length;
        if (w.method === null) return w.result;
        const res = w.method.call(this);
        this.cursor = c + w.s.length;
        if (res) return w.result;
      }
      i = w.substring_i;
      if (i < 0) return 0;
    }
  }

  find_among_b(v) {
    let i = 0;
    let j = v.length;
    const c = this.cursor;
    const lb = this.limit_backward;
    let common_i = 0;
    let common_j = 0;
    let first_key_inspected = false;
    while (true) {
      const k = i + ((j - i) >> 1);
      let diff = 0;
      let common = Math.min(common_i, common_j);
      const w = v[k];
      for (let i2 = w.s.length - 1 - common; i2 > -1; i2--) {
        if (c - common === lb) {
          diff = -1;
          break;
        }
        diff = this.current.charCodeAt(c - 1 - common) - w.s.charCodeAt(i2);
        if (diff !== 0) break;
        common += 1;
      }
      if (diff < 0) {
        j = k;
        common_j = common;
      } else {
        i = k;
        common_i = common;
      }
      if (j - i <= 1) {
        if (i > 0) break;
        if (j === i) break;
        if (first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    while (true) {
      const w = v[i];
      if (common_i >= w.s.length) {
        this.cursor = c - w.s.length;
        if (w.method === null) return w.result;
        const res = w.method.call(this);
        this.cursor = c - w.s.length;
        if (res) return w.result;
      }
      i = w.substring_i;
      if (i < 0) return 0;
    }
  }

  // Replace current[c_bra, c_ket) by s; returns the change in length.
  replace_s(c_bra, c_ket, s) {
    const adjustment = s.length - (c_ket - c_bra);
    this.current = this.current.slice(0, c_bra) + s + this.current.slice(c_ket);
    this.limit += adjustment;
    if (this.cursor >= c_ket) this.cursor += adjustment;
    else if (this.cursor > c_bra) this.cursor = c_bra;
    return adjustment;
  }

  slice_check() {
    if (this.bra < 0 || this.bra > this.ket || this.ket > this.limit || this.limit > this.current.length) {
      return false;
    }
    return true;
  }

  slice_from(s) {
    let result = false;
    if (this.slice_check()) {
      this.replace_s(this.bra, this.ket, s);
      result = true;
    }
    return result;
  }

  slice_del() {
    return this.slice_from("");
  }

  stemWord(word) {
    this.set_current(word);
    this._stem();
    return this.get_current();
  }
}
